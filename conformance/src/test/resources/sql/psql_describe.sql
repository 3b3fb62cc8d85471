-- psql's describe commands: the catalog queries a tool sends (pg_class, pg_attribute, pg_index ...).
DROP TABLE IF EXISTS sqltest_describe;
CREATE TABLE sqltest_describe (
    id int PRIMARY KEY,
    name varchar(40) NOT NULL DEFAULT 'none',
    score numeric(6,2),
    created timestamptz
);
CREATE INDEX sqltest_describe_name ON sqltest_describe (name);
COMMENT ON TABLE sqltest_describe IS 'described by psql';
\d sqltest_describe
\d+ sqltest_describe
\dt sqltest_describe
\di sqltest_describe*
\dt+ sqltest_no_such_table
\dn public
\df pg_catalog.lower
\dT pg_catalog.int4
DROP TABLE sqltest_describe;
\d sqltest_describe
