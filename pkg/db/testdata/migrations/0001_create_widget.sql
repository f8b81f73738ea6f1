CREATE TABLE widget (
    widget_id  uuid PRIMARY KEY,
    name       text NOT NULL
);
