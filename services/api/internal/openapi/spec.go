package openapi

// Auth says whether an operation takes a bearer token.
type Auth int

// The authentication modes of an operation.
const (
	AuthNone     Auth = iota // no token (webhooks, docs, health)
	AuthOptional             // anonymous allowed; a token, if sent, must be valid
	AuthRequired             // a valid bearer token is required
)

// Spec is how a route describes its operation. Path parameters are derived from the path
// template: a name that is "id" or ends in "_id" is a UUID, any other a string.
type Spec struct {
	OperationID string // default: derived from the method and path
	Summary     string
	Description string
	Tags        []string
	Auth        Auth
	Parameters  []Parameter // query and header parameters (a path one overrides the derived one)
	Body        any         // a value of the JSON request body's Go type; nil for none
	Responses   []Response  // the success answers
	Problems    []int       // statuses answered with an application/problem+json body
}

// Response is one success answer of an operation.
type Response struct {
	Status      int
	Description string   // default: the status text
	Body        any      // a value of the JSON body's Go type; nil for no JSON body
	ContentType string   // a non-JSON body's media type (described as a string)
	Headers     []string // documented response headers, e.g. "Location"
}

// Parameter is a query, header or path parameter.
type Parameter struct {
	Name        string  `json:"name"`
	In          string  `json:"in"` // "query", "header" or "path"
	Description string  `json:"description,omitempty"`
	Required    bool    `json:"required,omitempty"`
	Schema      *Schema `json:"schema"`
}

// Query returns an optional query parameter.
func Query(name, description string, schema *Schema) Parameter {
	return Parameter{Name: name, In: "query", Description: description, Schema: schema}
}

// Header returns an optional request header parameter.
func Header(name, description string, schema *Schema) Parameter {
	return Parameter{Name: name, In: "header", Description: description, Schema: schema}
}

// Operation is one documented operation as rendered in the document.
type Operation struct {
	OperationID string                `json:"operationId"`
	Summary     string                `json:"summary,omitempty"`
	Description string                `json:"description,omitempty"`
	Tags        []string              `json:"tags,omitempty"`
	Security    []map[string][]string `json:"security,omitempty"`
	Parameters  []Parameter           `json:"parameters,omitempty"`
	RequestBody *RequestBody          `json:"requestBody,omitempty"`
	Responses   map[string]*Answer    `json:"responses"`
}

// RequestBody is an operation's rendered request body.
type RequestBody struct {
	Required bool                 `json:"required"`
	Content  map[string]MediaType `json:"content"`
}

// Answer is one rendered response.
type Answer struct {
	Description string               `json:"description"`
	Headers     map[string]HeaderDoc `json:"headers,omitempty"`
	Content     map[string]MediaType `json:"content,omitempty"`
}

// MediaType holds the schema of one content type.
type MediaType struct {
	Schema *Schema `json:"schema"`
}

// HeaderDoc documents a response header.
type HeaderDoc struct {
	Description string  `json:"description,omitempty"`
	Schema      *Schema `json:"schema"`
}

// LenientBody marks a request body whose decoding ignores unknown fields (a third party's
// format, such as a provider's event that grows fields freely): its schema allows them.
type LenientBody interface{ LenientBody() }
