package org.lakepg.analytics.snapshot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lakepg.analytics.json.Json;
import org.lakepg.analytics.parquet.SchemaNote;
import org.lakepg.analytics.source.PageRange;
import org.lakepg.storage.Lsn;

/** The manifest's JSON form (one object per version, human-readable on the object store). */
public final class ManifestCodec {

    private ManifestCodec() {
    }

    public static String write(Manifest m) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("table", m.table());
        root.put("tableId", m.tableId());
        root.put("version", m.version());
        root.put("lsn", m.lsn().toString());
        root.put("schema", Json.parse(SchemaNote.write(m.schema())));
        root.put("pageCount", (long) m.pageCount());
        List<Object> files = new ArrayList<>();
        for (DataFile f : m.files()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("path", f.path());
            o.put("fromPage", (long) f.pages().from());
            o.put("toPage", (long) f.pages().to());
            o.put("rows", f.rowCount());
            o.put("size", f.sizeBytes());
            o.put("rowsPerPage", new ArrayList<Object>(f.rowsPerPage()));
            files.add(o);
        }
        root.put("files", files);
        return Json.write(root);
    }

    @SuppressWarnings("unchecked")
    public static Manifest read(String text) {
        Map<String, Object> root = Json.parseObject(text);
        List<DataFile> files = new ArrayList<>();
        for (Object o : (List<Object>) root.get("files")) {
            Map<String, Object> f = (Map<String, Object>) o;
            List<Integer> perPage = new ArrayList<>();
            for (Object n : (List<Object>) f.get("rowsPerPage")) {
                perPage.add(((Long) n).intValue());
            }
            files.add(new DataFile((String) f.get("path"),
                    new PageRange(((Long) f.get("fromPage")).intValue(), ((Long) f.get("toPage")).intValue()),
                    (Long) f.get("rows"), (Long) f.get("size"), perPage));
        }
        return new Manifest((String) root.get("table"), (String) root.get("tableId"), (Long) root.get("version"),
                Lsn.parse((String) root.get("lsn")), SchemaNote.read(Json.write(root.get("schema"))),
                ((Long) root.get("pageCount")).intValue(), files);
    }
}
