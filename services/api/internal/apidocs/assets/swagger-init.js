// Starts Swagger UI on the Tickup OpenAPI document (served by the gateway itself).
window.ui = SwaggerUIBundle({
  url: "/openapi.json",
  dom_id: "#swagger-ui",
  deepLinking: true,
  validatorUrl: null,
});
