// JdbcClient: migrec through pgjdbc (Debian's libpostgresql-jdbc-java), the way
// Java reporting tools reach it (Metabase, JasperReports, DBeaver).  Prints TAP.
//
//   java JdbcClient URL report SQLFILE OUTFILE
//       run the statements of SQLFILE (psql's backslash lines removed) in one
//       session, every value read with getString, and write each row as
//       psql -At -F'|' prints it
//   java JdbcClient URL types
//       every migrec type read as text, what the driver reports as its column
//       type, parameters of migrec types bound as text
//
// URL is a jdbc:postgresql: URL (test/clients/run.sh connects over the test
// cluster's Unix socket with junixsocket's socket factory).
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

public class JdbcClient {
    static int n = 0;
    static int failed = 0;

    static void ok(boolean cond, String what) {
        n++;
        if (!cond) {
            failed++;
        }
        System.out.println((cond ? "ok " : "not ok ") + n + " - " + what);
    }

    // The statements of a file, split as test/clients/node/report.mjs splits them.
    static List<String> statements(String sql) {
        List<String> out = new ArrayList<>();
        for (String s : sql.split(";[ \\t\\r]*\\n")) {
            String t = s.trim();
            if (!t.replaceAll("--[^\\n]*", "").trim().isEmpty()) {
                out.add(t.endsWith(";") ? t.substring(0, t.length() - 1) : t);
            }
        }
        return out;
    }

    static int report(Connection c, String sqlFile, String outFile) throws Exception {
        String sql = Files.readString(Path.of(sqlFile), StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder();
        int rows = 0;
        int bad = 0;
        List<String> stmts = statements(sql);
        try (Statement st = c.createStatement()) {
            for (String s : stmts) {
                try {
                    if (st.execute(s)) {
                        try (ResultSet rs = st.getResultSet()) {
                            int cols = rs.getMetaData().getColumnCount();
                            while (rs.next()) {
                                for (int i = 1; i <= cols; i++) {
                                    String v = rs.getString(i);
                                    out.append(i > 1 ? "|" : "").append(v == null ? "" : v);
                                }
                                out.append('\n');
                                rows++;
                            }
                        }
                    }
                } catch (SQLException e) {
                    bad++;
                    System.err.println(e.getSQLState() + " " + e.getMessage());
                }
            }
        }
        Files.writeString(Path.of(outFile), out.toString(), StandardCharsets.UTF_8);
        ok(bad == 0, "pgjdbc runs every statement of the report (" + stmts.size() + " statements, " + rows + " rows)");
        System.out.println("1.." + n);
        return failed == 0 ? 0 : 1;
    }

    static final String[][] SAMPLES = {
        {"nationality", "'hn'", "HND"},
        {"place", "'mx tap'", "MX TAP"},
        {"protection_status", "'ADMITTED'", "admitted"},
        {"protection_history", "'{claim_lodged@2021-06-03 09:00-06}'", "{claim_lodged@2021-06-03T15:00:00Z}"},
        {"decision_tally", "'(recognized=1,complementary=0,rejected=2,otherwise_closed=3)'",
            "(recognized=1,complementary=0,rejected=2,otherwise_closed=3)"},
        {"route_segment", "'CO NCI->PA-5[2021-08-01,]'", "CO NCI -> PA-5 [2021-08-01,]"},
        {"route", "'{CO NCI -> PA-5, PA-5 -> CR PBS}'", "{CO NCI -> PA-5, PA-5 -> CR PBS}"},
        {"transit_profile", "'{ 3:1 , >730:2 }'", "{3:1, >730:2}"},
        {"flow_series", "'2021-06-01 { 1, 2 }'", "2021-06-01 {1,2}"},
    };

    static String sqlState(SQLException e) {
        return e.getSQLState() + " " + e.getMessage().split("\n")[0];
    }

    static int types(Connection c, String url, Properties props) throws Exception {
        try (Statement st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS jdbc_types");
            st.execute("CREATE TABLE jdbc_types (n nationality, p place, s protection_status)");
            st.execute("INSERT INTO jdbc_types VALUES ('HND', 'MX-CHP', 'admitted')");
            for (String[] s : SAMPLES) {
                try (ResultSet rs = st.executeQuery("SELECT " + s[1] + "::" + s[0])) {
                    rs.next();
                    ResultSetMetaData md = rs.getMetaData();
                    String text = rs.getString(1);
                    Object obj = rs.getObject(1);
                    ok(s[2].equals(text), s[0] + " reads with getString as its text form: " + text);
                    String cls = obj == null ? "null" : obj.getClass().getName();
                    ok(obj instanceof org.postgresql.util.PGobject
                            && s[2].equals(((org.postgresql.util.PGobject) obj).getValue())
                            && s[0].equals(((org.postgresql.util.PGobject) obj).getType())
                            && s[2].equals(obj.toString()),
                        s[0] + " reads with getObject as " + cls + " holding its text form (also its toString())");
                    ok(md.getColumnType(1) == Types.OTHER && s[0].equals(md.getColumnTypeName(1))
                            && "java.lang.String".equals(md.getColumnClassName(1)),
                        s[0] + " is described as java.sql.Types " + md.getColumnType(1) + " (OTHER), type name '"
                            + md.getColumnTypeName(1) + "', class " + md.getColumnClassName(1));
                }
            }
            // the type's schema not on the search_path: the name comes qualified
            try (Connection c4 = DriverManager.getConnection(url, props);
                 Statement s4 = c4.createStatement()) {
                String schema;
                try (ResultSet rs = s4.executeQuery("SELECT extnamespace::regnamespace::text FROM pg_extension WHERE extname = 'migrec'")) {
                    rs.next();
                    schema = rs.getString(1);
                }
                s4.execute("SET search_path = pg_catalog");
                try (ResultSet rs = s4.executeQuery("SELECT 'hn'::" + schema + ".nationality")) {
                    rs.next();
                    String tn = rs.getMetaData().getColumnTypeName(1);
                    ok(("\"" + schema + "\".\"nationality\"").equals(tn) && "HND".equals(rs.getString(1)),
                        "with migrec's schema off the search_path the type name is " + tn + ", the value still HND");
                }
            }
            // a tool browsing the table (DatabaseMetaData.getColumns)
            DatabaseMetaData dm = c.getMetaData();
            int cols = 0;
            try (ResultSet rs = dm.getColumns(null, null, "jdbc_types", null)) {
                while (rs.next()) {
                    cols++;
                    String col = rs.getString("COLUMN_NAME");
                    String tname = rs.getString("TYPE_NAME");
                    int type = rs.getInt("DATA_TYPE");
                    String want = col.equals("n") ? "nationality" : col.equals("p") ? "place" : "protection_status";
                    ok(type == Types.OTHER && want.equals(tname),
                        "getColumns on jdbc_types." + col + ": DATA_TYPE " + type + " (OTHER), TYPE_NAME '" + tname + "'");
                }
            }
            ok(cols == 3, "getColumns lists the " + cols + " columns of a table of migrec types");
        }

        // parameters of migrec types, bound as text
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM jdbc_types WHERE n = ?")) {
            ps.setString(1, "HND");
            ps.executeQuery();
            ok(false, "setString compared with a nationality column fails by default (it worked)");
        } catch (SQLException e) {
            ok("42883".equals(e.getSQLState()),
                "setString compared with a nationality column fails by default: " + sqlState(e));
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM jdbc_types WHERE n = ?::nationality")) {
            ps.setString(1, "HND");
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                ok(rs.getLong(1) == 1, "setString with ?::nationality in the SQL works");
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO jdbc_types (n, p, s) VALUES (?, ?, ?)")) {
            ps.setObject(1, "HTI", Types.OTHER);
            ps.setObject(2, "MX-CHP", Types.OTHER);
            ps.setObject(3, "claim_lodged", Types.OTHER);
            ok(ps.executeUpdate() == 1, "setObject(text, Types.OTHER) inserts into nationality, place and protection_status");
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT parse_nationality(?, ?)")) {
            ps.setString(1, "CHINA, PEOPLES REPUBLIC OF");
            ps.setString(2, "cbp");
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                ok("CHN".equals(rs.getString(1)), "parse_nationality with setString parameters");
            }
        }
        Properties unspecified = new Properties();
        unspecified.putAll(props);
        unspecified.setProperty("stringtype", "unspecified");
        try (Connection c2 = DriverManager.getConnection(url, unspecified);
             PreparedStatement ps = c2.prepareStatement("SELECT count(*) FROM jdbc_types WHERE n = ? AND s = ?")) {
            ps.setString(1, "HTI");
            ps.setString(2, "claim_lodged");
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                ok(rs.getLong(1) == 1, "with stringtype=unspecified, setString compares with migrec columns");
            }
        }
        Properties simple = new Properties();
        simple.putAll(props);
        simple.setProperty("preferQueryMode", "simple");
        try (Connection c3 = DriverManager.getConnection(url, simple);
             PreparedStatement ps = c3.prepareStatement("SELECT count(*) FROM jdbc_types WHERE n = ?")) {
            ps.setString(1, "HND");
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                ok(rs.getLong(1) == 1, "with preferQueryMode=simple, setString compares with a nationality column");
            }
        }
        try (Statement st = c.createStatement()) {
            st.execute("DROP TABLE jdbc_types");
        }
        System.out.println("1.." + n);
        return failed == 0 ? 0 : 1;
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        Properties props = new Properties();
        Connection c = DriverManager.getConnection(url, props);
        System.out.println("# pgjdbc " + c.getMetaData().getDriverVersion());
        int rc;
        if (args.length == 4 && args[1].equals("report")) {
            rc = report(c, args[2], args[3]);
        } else if (args.length == 2 && args[1].equals("types")) {
            rc = types(c, url, props);
        } else {
            System.err.println("usage: JdbcClient URL report SQLFILE OUTFILE | types");
            rc = 2;
        }
        c.close();
        System.exit(rc);
    }
}
