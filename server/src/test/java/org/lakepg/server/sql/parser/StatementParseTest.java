package org.lakepg.server.sql.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lakepg.server.sql.parser.ParserTestSupport.assertSyntaxError;
import static org.lakepg.server.sql.parser.ParserTestSupport.one;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lakepg.server.sql.ast.*;

/** DML, DDL and utility statements; statement splitting and syntax errors with PostgreSQL's positions. */
class StatementParseTest {

    @Test
    void insertWithOnConflictAndReturning() {
        InsertStmt s = one("INSERT INTO t AS x (a, b[1]) OVERRIDING SYSTEM VALUE VALUES (1, DEFAULT)"
                + " ON CONFLICT (a) WHERE a > 0 DO UPDATE SET b = excluded.b WHERE x.a <> 1 RETURNING *", InsertStmt.class);
        assertThat(s.relation().alias().aliasname()).isEqualTo("x");
        assertThat(s.cols()).hasSize(2);
        assertThat(s.cols().get(1).indirection()).hasSize(1);
        assertThat(s.override()).isEqualTo(InsertStmt.Overriding.SYSTEM_VALUE);
        assertThat(s.selectStmt().valuesLists().get(0).get(1)).isInstanceOf(SetToDefault.class);
        assertThat(s.onConflictClause().action()).isEqualTo(OnConflictClause.Action.UPDATE);
        assertThat(s.onConflictClause().infer().indexElems()).hasSize(1);
        assertThat(s.returningList()).hasSize(1);
        InsertStmt def = one("INSERT INTO t DEFAULT VALUES ON CONFLICT ON CONSTRAINT c DO NOTHING", InsertStmt.class);
        assertThat(def.selectStmt()).isNull();
        assertThat(def.onConflictClause().infer().conname()).isEqualTo("c");
        InsertStmt sel = one("WITH s AS (SELECT 1) INSERT INTO t SELECT * FROM s", InsertStmt.class);
        assertThat(sel.withClause().ctes()).hasSize(1);
    }

    @Test
    void updateWithMultiAssignmentFromAndCurrentOf() {
        UpdateStmt u = one("UPDATE ONLY t x SET (a, b) = (1, 2), c = c + 1 FROM s WHERE x.id = s.id RETURNING a",
                UpdateStmt.class);
        assertThat(u.relation().inh()).isFalse();
        assertThat(u.relation().alias().aliasname()).isEqualTo("x");
        assertThat(u.targetList()).extracting(ResTarget::name).containsExactly("a", "b", "c");
        assertThat(u.fromClause()).hasSize(1);
        UpdateStmt sub = one("UPDATE t SET (a, b) = (SELECT 1, 2)", UpdateStmt.class);
        assertThat(sub.targetList().get(1).val()).isInstanceOf(MultiAssignRef.class);
        UpdateStmt cur = one("UPDATE t SET a = 1 WHERE CURRENT OF c1", UpdateStmt.class);
        assertThat(cur.whereClause()).isEqualTo(new CurrentOfExpr("c1"));
    }

    @Test
    void deleteAndMerge() {
        DeleteStmt d = one("DELETE FROM t USING s WHERE t.id = s.id RETURNING t.*", DeleteStmt.class);
        assertThat(d.usingClause()).hasSize(1);
        MergeStmt m = one("MERGE INTO t USING s ON t.id = s.id WHEN MATCHED AND s.x THEN UPDATE SET a = s.a"
                + " WHEN MATCHED THEN DELETE WHEN NOT MATCHED THEN INSERT (id, a) VALUES (s.id, s.a)", MergeStmt.class);
        assertThat(m.mergeWhenClauses()).extracting(MergeWhenClause::commandType).containsExactly(
                MergeWhenClause.CommandType.UPDATE, MergeWhenClause.CommandType.DELETE, MergeWhenClause.CommandType.INSERT);
    }

    @Test
    void createTableWithConstraintsAndOptions() {
        CreateStmt c = one("CREATE UNLOGGED TABLE IF NOT EXISTS s.t ("
                + " id bigint GENERATED ALWAYS AS IDENTITY (START WITH 10) PRIMARY KEY,"
                + " a int NOT NULL DEFAULT 1 CHECK (a > 0) NO INHERIT,"
                + " b text COLLATE \"C\" UNIQUE NULLS NOT DISTINCT REFERENCES r (x) ON DELETE SET NULL (b) ON UPDATE CASCADE,"
                + " g numeric(10,2) GENERATED ALWAYS AS (a * 2) STORED,"
                + " CONSTRAINT pk2 UNIQUE (a, b) INCLUDE (g) WITH (fillfactor = 70) DEFERRABLE INITIALLY DEFERRED,"
                + " FOREIGN KEY (a) REFERENCES r MATCH FULL,"
                + " EXCLUDE USING gist (b WITH &&) WHERE (a > 1),"
                + " LIKE other INCLUDING ALL EXCLUDING INDEXES"
                + ") WITH (fillfactor = 80) TABLESPACE ts", CreateStmt.class);
        assertThat(c.relation().relpersistence()).isEqualTo('u');
        assertThat(c.ifNotExists()).isTrue();
        assertThat(c.tableElts()).hasSize(8);
        ColumnDef id = (ColumnDef) c.tableElts().get(0);
        assertThat(id.typeName().names()).containsExactly("pg_catalog", "int8");
        assertThat(id.constraints()).extracting(Constraint::contype)
                .containsExactly(Constraint.ConstrType.IDENTITY, Constraint.ConstrType.PRIMARY);
        assertThat(id.constraints().get(0).generatedWhen()).isEqualTo('a');
        ColumnDef b = (ColumnDef) c.tableElts().get(2);
        assertThat(b.collClause().collname()).containsExactly("C");
        Constraint fk = b.constraints().get(1);
        assertThat(fk.fkDelAction()).isEqualTo('n');
        assertThat(fk.fkDelSetCols()).containsExactly("b");
        assertThat(fk.fkUpdAction()).isEqualTo('c');
        assertThat(b.constraints().get(0).nullsNotDistinct()).isTrue();
        Constraint unique = (Constraint) c.tableElts().get(4);
        assertThat(unique.conname()).isEqualTo("pk2");
        assertThat(unique.including()).containsExactly("g");
        assertThat(unique.deferrable()).isTrue();
        assertThat(unique.initdeferred()).isTrue();
        assertThat(((Constraint) c.tableElts().get(6)).contype()).isEqualTo(Constraint.ConstrType.EXCLUSION);
        assertThat(c.tableElts().get(7)).isInstanceOf(TableLikeClause.class);
        assertThat(c.options()).extracting(DefElem::defname).containsExactly("fillfactor");
        assertThat(c.tablespacename()).isEqualTo("ts");
    }

    @Test
    void partitionsAndInheritance() {
        CreateStmt parent = one("CREATE TABLE p (a int, b text) PARTITION BY RANGE (a, (lower(b)))", CreateStmt.class);
        assertThat(parent.partspec().strategy()).isEqualTo("range");
        assertThat(parent.partspec().partParams()).hasSize(2);
        CreateStmt part = one("CREATE TABLE p1 PARTITION OF p FOR VALUES FROM (MINVALUE) TO (10)", CreateStmt.class);
        assertThat(part.partbound().strategy()).isEqualTo('r');
        assertThat(part.inhRelations()).extracting(RangeVar::relname).containsExactly("p");
        CreateStmt hash = one("CREATE TABLE h0 PARTITION OF h FOR VALUES WITH (MODULUS 4, REMAINDER 1)", CreateStmt.class);
        assertThat(hash.partbound().modulus()).isEqualTo(4);
        CreateStmt child = one("CREATE TEMP TABLE c () INHERITS (p1, p2) ON COMMIT DROP", CreateStmt.class);
        assertThat(child.inhRelations()).hasSize(2);
        assertThat(child.oncommit().kind()).isEqualTo(OnCommitAction.Kind.DROP);
    }

    @Test
    void createTableAsAndViews() {
        CreateTableAsStmt ctas = one("CREATE TABLE t2 (x, y) AS SELECT 1, 2 WITH NO DATA", CreateTableAsStmt.class);
        assertThat(ctas.into().colNames()).containsExactly("x", "y");
        assertThat(ctas.into().skipData()).isTrue();
        CreateTableAsStmt mv = one("CREATE MATERIALIZED VIEW mv AS SELECT 1", CreateTableAsStmt.class);
        assertThat(mv.objtype().kind()).isEqualTo(ObjectType.Kind.MATVIEW);
        ViewStmt v = one("CREATE OR REPLACE TEMP VIEW v (a) WITH (security_barrier) AS SELECT 1 WITH LOCAL CHECK OPTION",
                ViewStmt.class);
        assertThat(v.replace()).isTrue();
        assertThat(v.view().relpersistence()).isEqualTo('t');
        assertThat(v.withCheckOption()).isEqualTo(ViewStmt.CheckOption.LOCAL_CHECK_OPTION);
    }

    @Test
    void indexes() {
        IndexStmt i = one("CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS i ON ONLY t USING btree"
                + " (a DESC NULLS FIRST, lower(b) text_pattern_ops, (a + 1)) INCLUDE (c) WITH (fillfactor = 90) WHERE a > 0",
                IndexStmt.class);
        assertThat(i.unique()).isTrue();
        assertThat(i.concurrent()).isTrue();
        assertThat(i.relation().inh()).isFalse();
        assertThat(i.indexParams()).hasSize(3);
        assertThat(i.indexParams().get(0).ordering()).isEqualTo(SortBy.SortDir.DESC);
        assertThat(i.indexParams().get(1).opclass()).containsExactly("text_pattern_ops");
        assertThat(i.indexParams().get(2).expr()).isInstanceOf(AExpr.class);
        assertThat(i.indexIncludingParams()).hasSize(1);
        assertThat(i.whereClause()).isNotNull();
    }

    @Test
    void alterTableSubcommands() {
        AlterTableStmt a = one("ALTER TABLE IF EXISTS t ADD COLUMN IF NOT EXISTS c int, ALTER COLUMN c SET DEFAULT 1,"
                + " ALTER c TYPE bigint USING c::bigint, DROP CONSTRAINT x CASCADE, ADD CONSTRAINT u UNIQUE (c),"
                + " ALTER COLUMN c DROP NOT NULL, OWNER TO CURRENT_USER, SET (fillfactor = 50)", AlterTableStmt.class);
        assertThat(a.missingOk()).isTrue();
        assertThat(a.cmds()).extracting(c -> c.subtype().kind()).containsExactly(AlterTableType.Kind.ADD_COLUMN,
                AlterTableType.Kind.COLUMN_DEFAULT, AlterTableType.Kind.ALTER_COLUMN_TYPE,
                AlterTableType.Kind.DROP_CONSTRAINT, AlterTableType.Kind.ADD_CONSTRAINT, AlterTableType.Kind.DROP_NOT_NULL,
                AlterTableType.Kind.CHANGE_OWNER, AlterTableType.Kind.SET_REL_OPTIONS);
        assertThat(a.cmds().get(3).behavior().kind()).isEqualTo(DropBehavior.Kind.CASCADE);
        RenameStmt r = one("ALTER TABLE t RENAME COLUMN a TO b", RenameStmt.class);
        assertThat(r.renameType().kind()).isEqualTo(ObjectType.Kind.COLUMN);
        assertThat(r.subname()).isEqualTo("a");
        AlterObjectSchemaStmt s = one("ALTER VIEW v SET SCHEMA other", AlterObjectSchemaStmt.class);
        assertThat(s.newschema()).isEqualTo("other");
        AlterTableStmt attach = one("ALTER TABLE p ATTACH PARTITION p2 FOR VALUES IN (1, 2)", AlterTableStmt.class);
        assertThat(attach.cmds().get(0).subtype().kind()).isEqualTo(AlterTableType.Kind.ATTACH_PARTITION);
    }

    @Test
    void dropTruncateComment() {
        DropStmt d = one("DROP TABLE IF EXISTS a, s.b CASCADE", DropStmt.class);
        assertThat(d.missingOk()).isTrue();
        assertThat(d.objects()).hasSize(2);
        assertThat(d.behavior().kind()).isEqualTo(DropBehavior.Kind.CASCADE);
        DropStmt f = one("DROP FUNCTION f(int, text), g", DropStmt.class);
        assertThat(((ObjectWithArgs) f.objects().get(0)).objargs()).hasSize(2);
        assertThat(((ObjectWithArgs) f.objects().get(1)).argsUnspecified()).isTrue();
        DropStmt trig = one("DROP TRIGGER tr ON t", DropStmt.class);
        assertThat(trig.removeType().kind()).isEqualTo(ObjectType.Kind.TRIGGER);
        TruncateStmt t = one("TRUNCATE TABLE a, ONLY b RESTART IDENTITY CASCADE", TruncateStmt.class);
        assertThat(t.restartSeqs()).isTrue();
        assertThat(t.relations().get(1).inh()).isFalse();
        CommentStmt c = one("COMMENT ON COLUMN t.a IS 'hello'", CommentStmt.class);
        assertThat(c.objtype().kind()).isEqualTo(ObjectType.Kind.COLUMN);
        assertThat(c.comment()).isEqualTo("hello");
    }

    @Test
    void functionsProceduresAndDo() {
        CreateFunctionStmt f = one("CREATE OR REPLACE FUNCTION add(a int, INOUT b int DEFAULT 2, VARIADIC c int[])"
                + " RETURNS int LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$ BEGIN RETURN a + b; END $$",
                CreateFunctionStmt.class);
        assertThat(f.replace()).isTrue();
        assertThat(f.parameters()).extracting(FunctionParameter::mode).containsExactly(FunctionParameter.Mode.IN,
                FunctionParameter.Mode.INOUT, FunctionParameter.Mode.VARIADIC);
        assertThat(f.parameters().get(1).defexpr()).isNotNull();
        DefElem as = f.options().stream().filter(o -> o.defname().equals("as")).findFirst().orElseThrow();
        assertThat(as.arg()).isEqualTo(List.of(" BEGIN RETURN a + b; END "));
        assertThat(f.options()).extracting(DefElem::defname).contains("language", "volatility", "strict", "parallel");
        CreateFunctionStmt table = one("CREATE FUNCTION f() RETURNS TABLE (x int, y text) AS 'select 1, 2' LANGUAGE sql",
                CreateFunctionStmt.class);
        assertThat(table.parameters()).extracting(FunctionParameter::mode).containsOnly(FunctionParameter.Mode.TABLE);
        CreateFunctionStmt atomic = one("CREATE FUNCTION g(x int) RETURNS int BEGIN ATOMIC SELECT x; SELECT x + 1; END",
                CreateFunctionStmt.class);
        assertThat(atomic.sqlBody()).hasSize(2);
        DoStmt d = one("DO LANGUAGE plpgsql $$ BEGIN END $$", DoStmt.class);
        assertThat(d.args()).extracting(DefElem::defname).containsExactly("language", "as");
        CallStmt call = one("CALL p(1, b => 2)", CallStmt.class);
        assertThat(call.funccall().args()).hasSize(2);
    }

    @Test
    void typesDomainsSequencesSchemas() {
        assertThat(one("CREATE TYPE mood AS ENUM ('sad', 'ok')", CreateEnumStmt.class).vals()).containsExactly("sad", "ok");
        assertThat(one("CREATE TYPE pair AS (a int, b text)", CompositeTypeStmt.class).coldeflist()).hasSize(2);
        assertThat(one("CREATE TYPE r AS RANGE (subtype = float8)", CreateRangeStmt.class).params()).hasSize(1);
        CreateDomainStmt dom = one("CREATE DOMAIN posint AS int NOT NULL CHECK (VALUE > 0)", CreateDomainStmt.class);
        assertThat(dom.constraints()).hasSize(2);
        CreateSeqStmt seq = one("CREATE SEQUENCE s INCREMENT BY 2 MINVALUE 1 NO MAXVALUE START 5 CACHE 10 CYCLE"
                + " OWNED BY t.a", CreateSeqStmt.class);
        assertThat(seq.options()).extracting(DefElem::defname)
                .containsExactly("increment", "minvalue", "maxvalue", "start", "cache", "cycle", "owned_by");
        AlterSeqStmt alter = one("ALTER SEQUENCE s RESTART WITH 1", AlterSeqStmt.class);
        assertThat(alter.options()).hasSize(1);
        CreateSchemaStmt schema = one("CREATE SCHEMA IF NOT EXISTS s AUTHORIZATION joe CREATE TABLE t (a int)",
                CreateSchemaStmt.class);
        assertThat(schema.schemaElts()).hasSize(1);
        assertThat(schema.authrole().rolename()).isEqualTo("joe");
    }

    @Test
    void triggersRulesRolesGrants() {
        CreateTrigStmt t = one("CREATE TRIGGER tr BEFORE INSERT OR UPDATE OF a ON t FOR EACH ROW WHEN (NEW.a > 0)"
                + " EXECUTE FUNCTION f('x', 1)", CreateTrigStmt.class);
        assertThat(t.timing()).isEqualTo(2);
        assertThat(t.events()).isEqualTo(4 | 16);
        assertThat(t.columns()).containsExactly("a");
        assertThat(t.row()).isTrue();
        assertThat(t.args()).containsExactly("x", "1");
        RuleStmt r = one("CREATE RULE r AS ON INSERT TO t DO INSTEAD (INSERT INTO u VALUES (new.a); NOTIFY t)",
                RuleStmt.class);
        assertThat(r.instead()).isTrue();
        assertThat(r.actions()).hasSize(2);
        CreateRoleStmt role = one("CREATE ROLE joe WITH LOGIN PASSWORD 'x' VALID UNTIL 'infinity' IN ROLE admins",
                CreateRoleStmt.class);
        assertThat(role.options()).extracting(DefElem::defname).containsExactly("canlogin", "password", "validUntil",
                "addroleto");
        GrantStmt g = one("GRANT SELECT (a, b), UPDATE ON TABLE t, u TO joe, PUBLIC WITH GRANT OPTION", GrantStmt.class);
        assertThat(g.privileges()).extracting(AccessPriv::privName).containsExactly("select", "update");
        assertThat(g.privileges().get(0).cols()).containsExactly("a", "b");
        assertThat(g.grantees()).extracting(RoleSpec::roletype).containsExactly(RoleSpec.Type.CSTRING, RoleSpec.Type.PUBLIC);
        assertThat(g.grantOption()).isTrue();
        GrantStmt revoke = one("REVOKE ALL ON ALL TABLES IN SCHEMA s FROM joe CASCADE", GrantStmt.class);
        assertThat(revoke.isGrant()).isFalse();
        assertThat(revoke.privileges().get(0).privName()).isNull();
        assertThat(one("GRANT admins TO joe WITH ADMIN OPTION", GrantRoleStmt.class).adminOpt()).isTrue();
    }

    @Test
    void transactions() {
        TransactionStmt begin = one("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY NOT DEFERRABLE",
                TransactionStmt.class);
        assertThat(begin.kind()).isEqualTo(TransactionStmt.Kind.BEGIN);
        assertThat(begin.options()).extracting(DefElem::defname).containsExactly("transaction_isolation",
                "transaction_read_only", "transaction_deferrable");
        assertThat(((AConst) begin.options().get(0).arg()).value()).isEqualTo("repeatable read");
        assertThat(one("START TRANSACTION", TransactionStmt.class).kind()).isEqualTo(TransactionStmt.Kind.START);
        assertThat(one("END", TransactionStmt.class).kind()).isEqualTo(TransactionStmt.Kind.COMMIT);
        assertThat(one("ABORT", TransactionStmt.class).kind()).isEqualTo(TransactionStmt.Kind.ROLLBACK);
        assertThat(one("COMMIT AND CHAIN", TransactionStmt.class).chain()).isTrue();
        TransactionStmt rollbackTo = one("ROLLBACK TO SAVEPOINT sp", TransactionStmt.class);
        assertThat(rollbackTo.kind()).isEqualTo(TransactionStmt.Kind.ROLLBACK_TO);
        assertThat(rollbackTo.savepointName()).isEqualTo("sp");
        assertThat(one("RELEASE sp", TransactionStmt.class).kind()).isEqualTo(TransactionStmt.Kind.RELEASE);
        assertThat(one("PREPARE TRANSACTION 'g1'", TransactionStmt.class).gid()).isEqualTo("g1");
        assertThat(one("COMMIT PREPARED 'g1'", TransactionStmt.class).kind())
                .isEqualTo(TransactionStmt.Kind.COMMIT_PREPARED);
    }

    @Test
    void setResetShow() {
        VariableSetStmt set = one("SET LOCAL search_path TO a, \"B\", public", VariableSetStmt.class);
        assertThat(set.isLocal()).isTrue();
        assertThat(set.name()).isEqualTo("search_path");
        assertThat(set.args()).hasSize(3);
        assertThat(one("SET TIME ZONE 'UTC'", VariableSetStmt.class).name()).isEqualTo("timezone");
        assertThat(one("SET TIME ZONE LOCAL", VariableSetStmt.class).kind()).isEqualTo(VariableSetStmt.Kind.SET_DEFAULT);
        assertThat(one("SET NAMES 'UTF8'", VariableSetStmt.class).name()).isEqualTo("client_encoding");
        assertThat(one("SET SESSION AUTHORIZATION DEFAULT", VariableSetStmt.class).name())
                .isEqualTo("session_authorization");
        assertThat(one("SET ROLE joe", VariableSetStmt.class).name()).isEqualTo("role");
        VariableSetStmt tx = one("SET TRANSACTION ISOLATION LEVEL SERIALIZABLE", VariableSetStmt.class);
        assertThat(tx.kind()).isEqualTo(VariableSetStmt.Kind.SET_MULTI);
        assertThat(one("SET work_mem = DEFAULT", VariableSetStmt.class).kind()).isEqualTo(VariableSetStmt.Kind.SET_DEFAULT);
        assertThat(one("SET a.b FROM CURRENT", VariableSetStmt.class).name()).isEqualTo("a.b");
        assertThat(one("RESET ALL", VariableSetStmt.class).kind()).isEqualTo(VariableSetStmt.Kind.RESET_ALL);
        assertThat(one("SHOW TIME ZONE", VariableShowStmt.class).name()).isEqualTo("timezone");
        assertThat(one("SHOW ALL", VariableShowStmt.class).name()).isEqualTo("all");
        assertThat(one("SHOW TRANSACTION ISOLATION LEVEL", VariableShowStmt.class).name())
                .isEqualTo("transaction_isolation");
        assertThat(one("SET CONSTRAINTS ALL DEFERRED", ConstraintsSetStmt.class).deferred()).isTrue();
    }

    @Test
    void explainCopyPrepareCursors() {
        ExplainStmt e = one("EXPLAIN (ANALYZE, COSTS off, FORMAT json) SELECT 1", ExplainStmt.class);
        assertThat(e.options()).extracting(DefElem::defname).containsExactly("analyze", "costs", "format");
        assertThat(e.query()).isInstanceOf(SelectStmt.class);
        assertThat(one("EXPLAIN ANALYZE VERBOSE DELETE FROM t", ExplainStmt.class).options()).hasSize(2);
        CopyStmt from = one("COPY t (a, b) FROM STDIN WITH (FORMAT csv, HEADER true, FORCE_NULL (a)) WHERE a > 1",
                CopyStmt.class);
        assertThat(from.isFrom()).isTrue();
        assertThat(from.filename()).isNull();
        assertThat(from.attlist()).containsExactly("a", "b");
        assertThat(from.whereClause()).isNotNull();
        CopyStmt old = one("COPY t TO '/tmp/x' DELIMITER ',' CSV HEADER", CopyStmt.class);
        assertThat(old.options()).extracting(DefElem::defname).containsExactly("delimiter", "format", "header");
        CopyStmt query = one("COPY (SELECT 1) TO PROGRAM 'cat'", CopyStmt.class);
        assertThat(query.isProgram()).isTrue();
        PrepareStmt p = one("PREPARE q (int, text) AS SELECT $1, $2", PrepareStmt.class);
        assertThat(p.argtypes()).hasSize(2);
        assertThat(one("EXECUTE q (1, 'a')", ExecuteStmt.class).params()).hasSize(2);
        assertThat(one("DEALLOCATE ALL", DeallocateStmt.class).name()).isNull();
        DeclareCursorStmt d = one("DECLARE c SCROLL CURSOR WITH HOLD FOR SELECT 1", DeclareCursorStmt.class);
        assertThat(d.options()).isEqualTo(0x2 | 0x20);
        FetchStmt f = one("FETCH BACKWARD 2 FROM c", FetchStmt.class);
        assertThat(f.direction()).isEqualTo(FetchStmt.Direction.BACKWARD);
        assertThat(f.howMany()).isEqualTo(2);
        assertThat(one("MOVE ALL IN c", FetchStmt.class).ismove()).isTrue();
        assertThat(one("CLOSE ALL", ClosePortalStmt.class).portalname()).isNull();
    }

    @Test
    void maintenanceAndNotifications() {
        VacuumStmt v = one("VACUUM (FULL, ANALYZE) t (a), u", VacuumStmt.class);
        assertThat(v.isVacuumcmd()).isTrue();
        assertThat(v.rels()).hasSize(2);
        assertThat(v.rels().get(0).vaCols()).containsExactly("a");
        VacuumStmt an = one("ANALYZE VERBOSE t", VacuumStmt.class);
        assertThat(an.isVacuumcmd()).isFalse();
        LockStmt l = one("LOCK TABLE t IN SHARE ROW EXCLUSIVE MODE NOWAIT", LockStmt.class);
        assertThat(l.mode()).isEqualTo(6);
        assertThat(l.nowait()).isTrue();
        assertThat(one("NOTIFY ch, 'payload'", NotifyStmt.class).payload()).isEqualTo("payload");
        assertThat(one("UNLISTEN *", UnlistenStmt.class).conditionname()).isNull();
        assertThat(one("LISTEN ch", ListenStmt.class).conditionname()).isEqualTo("ch");
        assertThat(one("DISCARD TEMP", DiscardStmt.class).target()).isEqualTo(DiscardStmt.Target.TEMP);
        assertThat(one("CHECKPOINT")).isInstanceOf(CheckPointStmt.class);
        assertThat(one("REINDEX (VERBOSE) TABLE CONCURRENTLY t", ReindexStmt.class).params()).hasSize(2);
        assertThat(one("CLUSTER t USING i", ClusterStmt.class).indexname()).isEqualTo("i");
        assertThat(one("REFRESH MATERIALIZED VIEW CONCURRENTLY mv WITH NO DATA", RefreshMatViewStmt.class).skipData())
                .isTrue();
    }

    @Test
    void statementListLocationsLikeRawStmt() {
        String sql = "SELECT 1; ; INSERT INTO t VALUES (2);\n  BEGIN";
        List<RawStatement> list = SqlParser.parse(sql);
        assertThat(list).hasSize(3);
        assertThat(list.get(0)).extracting(RawStatement::location, RawStatement::length).containsExactly(0, 8);
        assertThat(sql.substring(list.get(1).location(), list.get(1).location() + list.get(1).length()))
                .isEqualTo(" INSERT INTO t VALUES (2)");
        assertThat(sql.substring(list.get(2).location())).isEqualTo("\n  BEGIN");
        assertThat(SqlParser.parse(" ; -- nothing\n")).isEmpty();
    }

    @Test
    void syntaxErrorsPointWherePostgresPoints() {
        assertSyntaxError("select 1 +", "syntax error at end of input", 11);
        assertSyntaxError("selec 1", "syntax error at or near \"selec\"", 1);
        assertSyntaxError("create table t (a int,)", "syntax error at or near \")\"", 23);
        assertSyntaxError("select 1 year", "syntax error at or near \"year\"", 10);
        assertSyntaxError("begin isolation level foo", "syntax error at or near \"foo\"", 23);
        assertSyntaxError("select 1 from t t2 t3", "syntax error at or near \"t3\"", 20);
        assertSyntaxError("select left from t", "syntax error at or near \"from\"", 13);
        assertSyntaxError("select 1 + -- x", "syntax error at end of input", 16);
        assertSyntaxError("select 1; selec 2", "syntax error at or near \"selec\"", 11);
        assertSyntaxError("select distinct from t", "syntax error at or near \"from\"", 17);
        assertSyntaxError("CREATE foo", "syntax error at or near \"foo\"", 8);
    }

    @Test
    void ownershipPrivilegesTablespacesAndTypeAttributes() {
        AlterDefaultPrivilegesStmt adp = one("ALTER DEFAULT PRIVILEGES FOR ROLE admin IN SCHEMA s GRANT SELECT ON TABLES"
                + " TO PUBLIC", AlterDefaultPrivilegesStmt.class);
        assertThat(adp.options()).extracting(DefElem::defname).containsExactly("roles", "schemas");
        assertThat(adp.action().objtype().kind()).isEqualTo(ObjectType.Kind.TABLE);
        assertThat(one("DROP OWNED BY a, b CASCADE", DropOwnedStmt.class).roles()).hasSize(2);
        assertThat(one("REASSIGN OWNED BY a TO b", ReassignOwnedStmt.class).newrole().rolename()).isEqualTo("b");
        CreateTableSpaceStmt ts = one("CREATE TABLESPACE ts OWNER joe LOCATION '/data' WITH (random_page_cost = 1)",
                CreateTableSpaceStmt.class);
        assertThat(ts.location()).isEqualTo("/data");
        assertThat(one("ALTER TABLESPACE ts RESET (seq_page_cost)", AlterTableSpaceOptionsStmt.class).isReset()).isTrue();
        AlterTableStmt attrs = one("ALTER TYPE pair ADD ATTRIBUTE c int, DROP ATTRIBUTE IF EXISTS b CASCADE,"
                + " ALTER ATTRIBUTE a SET DATA TYPE bigint", AlterTableStmt.class);
        assertThat(attrs.objtype().kind()).isEqualTo(ObjectType.Kind.TYPE);
        assertThat(attrs.cmds()).extracting(c -> c.subtype().kind()).containsExactly(
                AlterTableType.Kind.ALTER_TYPE_ADD_ATTRIBUTE, AlterTableType.Kind.ALTER_TYPE_DROP_ATTRIBUTE,
                AlterTableType.Kind.ALTER_TYPE_ALTER_ATTRIBUTE);
        assertThat(one("ALTER TYPE t SET (send = none)", AlterTypeStmt.class).options()).hasSize(1);
    }

    @Test
    void aggregatesPublicationsSubscriptions() {
        DefineStmt agg = one("CREATE AGGREGATE my_pct(float8 ORDER BY anyelement) (sfunc = f, stype = internal)",
                DefineStmt.class);
        assertThat(agg.oldstyle()).isFalse();
        assertThat(agg.args()).hasSize(3).contains("ORDER BY");
        assertThat(one("CREATE AGGREGATE old (basetype = int4, sfunc = int4pl, stype = int4)", DefineStmt.class)
                .oldstyle()).isTrue();
        CreatePublicationStmt pub = one("CREATE PUBLICATION p FOR TABLE a (x, y) WHERE (x > 0), b,"
                + " TABLES IN SCHEMA s, CURRENT_SCHEMA WITH (publish = 'insert')", CreatePublicationStmt.class);
        assertThat(pub.pubobjects()).extracting(PublicationObjSpec::pubobjtype).containsExactly(
                PublicationObjSpec.Type.TABLE, PublicationObjSpec.Type.TABLE, PublicationObjSpec.Type.TABLES_IN_SCHEMA,
                PublicationObjSpec.Type.TABLES_IN_CUR_SCHEMA);
        assertThat(pub.pubobjects().get(0).columns()).containsExactly("x", "y");
        assertThat(one("CREATE PUBLICATION p FOR ALL TABLES", CreatePublicationStmt.class).forAllTables()).isTrue();
        assertThat(one("ALTER PUBLICATION p DROP TABLE a", AlterPublicationStmt.class).action())
                .isEqualTo(AlterPublicationStmt.Action.DROP);
        assertSyntaxError("CREATE PUBLICATION p FOR TABLES IN SCHEMA foo, test.foo", "invalid schema name", 48);
        CreateSubscriptionStmt sub = one("CREATE SUBSCRIPTION s CONNECTION 'host=x' PUBLICATION a, b WITH (connect = false)",
                CreateSubscriptionStmt.class);
        assertThat(sub.publication()).containsExactly("a", "b");
        assertThat(one("ALTER SUBSCRIPTION s REFRESH PUBLICATION", AlterSubscriptionStmt.class).kind())
                .isEqualTo(AlterSubscriptionStmt.Kind.REFRESH);
        assertThat(one("DROP SUBSCRIPTION IF EXISTS s CASCADE", DropSubscriptionStmt.class).missingOk()).isTrue();
    }

    @Test
    void foreignDataPoliciesStatistics() {
        CreateForeignTableStmt ft = one("CREATE FOREIGN TABLE ft (a int OPTIONS (column_name 'x'), b text)"
                + " SERVER s OPTIONS (table_name 'remote')", CreateForeignTableStmt.class);
        assertThat(ft.base().tableElts()).hasSize(2);
        assertThat(ft.servername()).isEqualTo("s");
        assertThat(ft.options()).extracting(DefElem::defname).containsExactly("table_name");
        assertThat(one("CREATE FOREIGN DATA WRAPPER w HANDLER h NO VALIDATOR", CreateFdwStmt.class).funcOptions())
                .hasSize(2);
        assertThat(one("CREATE SERVER s FOREIGN DATA WRAPPER w OPTIONS (host 'x')", CreateForeignServerStmt.class)
                .fdwname()).isEqualTo("w");
        assertThat(one("CREATE USER MAPPING FOR USER SERVER s", CreateUserMappingStmt.class).user().roletype())
                .isEqualTo(RoleSpec.Type.CURRENT_USER);
        assertThat(one("ALTER SERVER s VERSION '2' OPTIONS (SET host 'y')", AlterForeignServerStmt.class).hasVersion())
                .isTrue();
        assertThat(one("DROP USER MAPPING IF EXISTS FOR joe SERVER s", DropUserMappingStmt.class).missingOk()).isTrue();
        assertThat(one("IMPORT FOREIGN SCHEMA r LIMIT TO (a, b) FROM SERVER s INTO l", ImportForeignSchemaStmt.class)
                .tableList()).hasSize(2);
        assertSyntaxError("CREATE FOREIGN TABLE ft1 ()", "syntax error at end of input", 28);
        AlterPolicyStmt pol = one("ALTER POLICY p ON t TO joe USING (a > 0)", AlterPolicyStmt.class);
        assertThat(pol.table().relname()).isEqualTo("t");
        assertThat(pol.qual()).isNotNull();
        assertThat(one("ALTER STATISTICS IF EXISTS s SET STATISTICS 100", AlterStatsStmt.class).stxstattarget())
                .isEqualTo(100);
    }

    @Test
    void operatorClassesAndFamilies() {
        CreateOpClassStmt c = one("CREATE OPERATOR CLASS c DEFAULT FOR TYPE int4 USING btree FAMILY f AS"
                + " OPERATOR 1 <, OPERATOR 3 = (int4, int4), FUNCTION 1 btint4cmp(int4, int4), STORAGE int4",
                CreateOpClassStmt.class);
        assertThat(c.isDefault()).isTrue();
        assertThat(c.items()).extracting(CreateOpClassItem::itemtype).containsExactly(CreateOpClassItem.ItemType.OPERATOR,
                CreateOpClassItem.ItemType.OPERATOR, CreateOpClassItem.ItemType.FUNCTION,
                CreateOpClassItem.ItemType.STORAGE);
        assertThat(c.items().get(1).name().objargs()).hasSize(2);
        assertThat(one("CREATE OPERATOR FAMILY f USING hash", CreateOpFamilyStmt.class).amname()).isEqualTo("hash");
        AlterOpFamilyStmt drop = one("ALTER OPERATOR FAMILY f USING btree DROP OPERATOR 1 (int4, int4)",
                AlterOpFamilyStmt.class);
        assertThat(drop.isDrop()).isTrue();
        assertThat(drop.items().get(0).classArgs()).hasSize(2);
    }

    @Test
    void smallerDdl() {
        assertThat(one("CREATE DEFAULT CONVERSION c FOR 'LATIN1' TO 'UTF8' FROM iso8859_1_to_utf8",
                CreateConversionStmt.class).isDefault()).isTrue();
        assertThat(one("CREATE ACCESS METHOD am TYPE TABLE HANDLER heap_tableam_handler", CreateAmStmt.class).amtype())
                .isEqualTo('t');
        AlterTSConfigurationStmt ts = one("ALTER TEXT SEARCH CONFIGURATION c ALTER MAPPING FOR word REPLACE a WITH b",
                AlterTSConfigurationStmt.class);
        assertThat(ts.kind()).isEqualTo(AlterTSConfigurationStmt.Kind.REPLACE_DICT_FOR_TOKEN);
        assertThat(one("ALTER TEXT SEARCH DICTIONARY d (StopWords = english)", AlterTSDictionaryStmt.class).options())
                .hasSize(1);
        assertThat(one("ALTER EVENT TRIGGER t ENABLE ALWAYS", AlterEventTrigStmt.class).tgenabled()).isEqualTo('A');
        AlterTableMoveAllStmt move = one("ALTER TABLE ALL IN TABLESPACE a OWNED BY joe SET TABLESPACE b NOWAIT",
                AlterTableMoveAllStmt.class);
        assertThat(move.newTablespacename()).isEqualTo("b");
        assertThat(move.nowait()).isTrue();
    }

    @Test
    void alterOperatorCollationDatabase() {
        AlterOperatorStmt op = one("ALTER OPERATOR === (boolean, boolean) SET (RESTRICT = NONE)", AlterOperatorStmt.class);
        assertThat(op.opername().objargs()).hasSize(2);
        assertThat(one("ALTER COLLATION \"en_US\" REFRESH VERSION", AlterCollationStmt.class).collname())
                .containsExactly("en_US");
        assertThat(one("ALTER DATABASE d CONNECTION LIMIT 123", AlterDatabaseStmt.class).options())
                .extracting(DefElem::defname).containsExactly("connection_limit");
        assertSyntaxError("ALTER DATABASE d default OWNER TO x", "syntax error at or near \"default\"", 18);
    }

    @Test
    void languagesTransformsAlterSystem() {
        CreatePLangStmt lang = one("CREATE OR REPLACE TRUSTED LANGUAGE plx HANDLER h INLINE i VALIDATOR v",
                CreatePLangStmt.class);
        assertThat(lang.pltrusted()).isTrue();
        assertThat(lang.plvalidator()).containsExactly("v");
        CreateTransformStmt tr = one("CREATE TRANSFORM FOR int LANGUAGE sql (FROM SQL WITH FUNCTION f(internal),"
                + " TO SQL WITH FUNCTION g(internal))", CreateTransformStmt.class);
        assertThat(tr.tosql().objname()).containsExactly("g");
        AlterSystemStmt sys = one("ALTER SYSTEM SET work_mem = '64MB'", AlterSystemStmt.class);
        assertThat(sys.setstmt().name()).isEqualTo("work_mem");
        assertThat(one("ALTER SYSTEM RESET ALL", AlterSystemStmt.class).setstmt().kind())
                .isEqualTo(VariableSetStmt.Kind.RESET_ALL);
        assertThat(one("ALTER EXTENSION e UPDATE TO '2.0'", UtilityStmt.class).command()).containsExactly("alter",
                "extension", "e");
        assertSyntaxError("ALTER TABLE t FOO", "syntax error at or near \"FOO\"", 15);
    }
}
