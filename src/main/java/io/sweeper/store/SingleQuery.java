package io.sweeper.store;

import io.sweeper.SweeperException;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.Statements;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.WithItem;
import net.sf.jsqlparser.util.TablesNamesFinder;

/**
 * The user's SQL for {@code sweeper query}, parsed (JSqlParser): exactly one query — SELECT,
 * WITH … SELECT, VALUES, TABLE, or set operations of them — and nothing else. Refused: several
 * statements, anything that is not a query (SET, COPY, CALL, SHOW, DML, DDL, …), a WITH whose
 * parts change data, and SELECT … INTO (which creates a table). Parsing is what keeps a
 * PostgreSQL session read-only, since a {@code SET} could switch it back; the database's own
 * read-only transaction refuses writes besides.
 *
 * <p>Also the names of the functions the query calls, for the database to say which have side
 * effects (see {@link ReadOnlyQuery}).
 */
final class SingleQuery {
    private static final String WHAT_RUNS =
            "`sweeper query` is read-only and runs exactly one query (SELECT, WITH … SELECT or VALUES)";

    final String sql;
    /** Names of the functions called, lower case, without schema. */
    final Set<String> functions;

    private SingleQuery(String sql, Set<String> functions) {
        this.sql = sql;
        this.functions = Set.copyOf(functions);
    }

    static SingleQuery parse(String sql) {
        Statements statements;
        try {
            statements = CCJSqlParserUtil.parseStatements(sql);
        } catch (JSQLParserException e) {
            throw new SweeperException("cannot read the SQL as one query (" + parserReason(e) + "): " + WHAT_RUNS, e);
        }
        if (statements.size() != 1) {
            throw new SweeperException("the SQL holds " + statements.size() + " statements: " + WHAT_RUNS);
        }
        Statement statement = statements.get(0);
        if (!(statement instanceof Select select)) {
            throw new SweeperException("refused " + firstWord(sql) + ": " + WHAT_RUNS);
        }
        Inspection inspection = new Inspection();
        inspection.getTables((Statement) select);
        return new SingleQuery(sql, inspection.functions);
    }

    /** The parser's first line, e.g. {@code Encountered unexpected token: "SCRIPT"}, without its token kinds. */
    private static String parserReason(JSQLParserException e) {
        Throwable innermost = e;
        while (innermost.getCause() != null) {
            innermost = innermost.getCause();
        }
        String message = innermost.getMessage() == null ? innermost.toString() : innermost.getMessage();
        return message.lines().findFirst().orElse("").replaceAll("\\s*<[A-Z_]+>", "").strip();
    }

    private static String firstWord(String sql) {
        String[] words = sql.strip().split("\\s+", 2);
        return words[0].toUpperCase(Locale.ROOT);
    }

    /**
     * Walks the whole statement (every subquery, CTE, expression, FROM item): the library's
     * table-name finder visits all of it, and is told here what else to look at.
     */
    private static final class Inspection extends TablesNamesFinder<Void> {
        final Set<String> functions = new TreeSet<>();

        @Override
        public <S> Void visit(Function function, S context) {
            functions.add(unquoted(function.getMultipartName().get(function.getMultipartName().size() - 1)));
            return super.visit(function, context);
        }

        @Override
        public <S> Void visit(WithItem<?> withItem, S context) {
            if (!(withItem.getParenthesedStatement() instanceof ParenthesedSelect)) { // INSERT, UPDATE, DELETE
                throw new SweeperException("refused a WITH that changes data (" + withItem.getAliasName() + "): "
                        + WHAT_RUNS);
            }
            return super.visit(withItem, context);
        }

        @Override
        public <S> Void visit(PlainSelect select, S context) {
            if (select.getIntoTables() != null && !select.getIntoTables().isEmpty()) {
                throw new SweeperException("refused SELECT … INTO (it creates a table): " + WHAT_RUNS);
            }
            return super.visit(select, context);
        }

        /** As the database resolves it: a quoted name as written, an unquoted one folded to lower case. */
        private static String unquoted(String name) {
            return name.length() > 1 && name.startsWith("\"") && name.endsWith("\"")
                    ? name.substring(1, name.length() - 1) : name.toLowerCase(Locale.ROOT);
        }
    }
}
