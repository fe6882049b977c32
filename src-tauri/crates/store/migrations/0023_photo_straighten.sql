-- Straightening: a fine rotation in degrees (clockwise positive, at most 45 either way) on top
-- of the quarter turns, the picture enlarged just enough that no corner is left empty. Crops
-- stay in pixels of the turned picture, whose size straightening does not change.
ALTER TABLE photos ADD COLUMN straighten REAL NOT NULL DEFAULT 0 CHECK (straighten BETWEEN -45 AND 45);
