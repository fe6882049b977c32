-- Metadata templates ("mẫu thông tin"): named sets of caption fields a photo editor applies on
-- ingest or to a selection, with variables filled from each photo ({date}, {time}, {creator},
-- {seq}, {file}). `fields` is the template as JSON (`newsroom_photos::TemplateFields`), so a
-- field added later needs no migration; templates travel between machines as JSON too.
CREATE TABLE photo_templates (
    name        TEXT PRIMARY KEY,
    fields      TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
