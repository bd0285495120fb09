-- Imports insert many thousands of rows in one transaction. H2 writes an identity's state to
-- disk each time its cache of values runs out (32 by default): with WRITE_DELAY=0 that is a file
-- write every 32 rows. A larger cache only means a gap of unused ids after a crash.
ALTER TABLE trainee ALTER COLUMN id SET CACHE 1000;
ALTER TABLE deployment ALTER COLUMN id SET CACHE 1000;
ALTER TABLE mentor ALTER COLUMN id SET CACHE 1000;
ALTER TABLE department ALTER COLUMN id SET CACHE 1000;
