package org.lakepg.server.sql.ast;

import java.util.List;

/** CREATE [DEFAULT] CONVERSION name FOR 'source' TO 'destination' FROM function. */
public record CreateConversionStmt(
        List<String> conversionName,
        String forEncodingName,
        String toEncodingName,
        List<String> funcName,
        boolean isDefault) implements Statement {
}
