package org.lakepg.server.sql.ast;

import java.util.List;

/** EXCLUDE element WITH operator. */
public record ExclusionElem(IndexElem element, List<String> operator) {}
