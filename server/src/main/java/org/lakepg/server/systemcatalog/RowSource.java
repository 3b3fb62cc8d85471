package org.lakepg.server.systemcatalog;

/** Computes the rows of one system relation from the catalog as a statement sees it, at scan time. */
@FunctionalInterface
public interface RowSource {

    void rows(CatalogView catalog, Rows out);

    RowSource EMPTY = (catalog, out) -> { };
}
