-- Non-destructive framing: a rotation by quarter turns, a crop (in pixels of the upright,
-- rotated original) and a focal point (0–1 across and down the rotated picture, so it stays on the subject
-- whatever the crop). The original file is
-- never changed; the web and thumbnail renditions are made again from it with the framing,
-- and the web rendition (what the site receives) is the framed picture.
ALTER TABLE photos ADD COLUMN rotation INTEGER NOT NULL DEFAULT 0 CHECK (rotation IN (0, 90, 180, 270));
ALTER TABLE photos ADD COLUMN crop_x INTEGER;
ALTER TABLE photos ADD COLUMN crop_y INTEGER;
ALTER TABLE photos ADD COLUMN crop_width INTEGER;
ALTER TABLE photos ADD COLUMN crop_height INTEGER;
ALTER TABLE photos ADD COLUMN focal_x REAL;
ALTER TABLE photos ADD COLUMN focal_y REAL;
