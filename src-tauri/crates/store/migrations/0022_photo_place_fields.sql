-- More IPTC fields photo editors fill: where (city, province, country), the event, the
-- instructions to the desk and the job (transmission reference). They travel inside exported
-- files as IIM (2:90, 2:95, 2:101, 2:40, 2:103) and XMP (photoshop:City, State, Country,
-- Instructions, TransmissionReference; Iptc4xmpExt:Event).
ALTER TABLE photos ADD COLUMN city TEXT NOT NULL DEFAULT '';
ALTER TABLE photos ADD COLUMN province TEXT NOT NULL DEFAULT '';
ALTER TABLE photos ADD COLUMN country TEXT NOT NULL DEFAULT '';
ALTER TABLE photos ADD COLUMN event TEXT NOT NULL DEFAULT '';
ALTER TABLE photos ADD COLUMN instructions TEXT NOT NULL DEFAULT '';
ALTER TABLE photos ADD COLUMN job_id TEXT NOT NULL DEFAULT '';
