package uk.sufficiency.jobs;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import uk.sufficiency.pipeline.InputProblem;

/** {@code ./sufficiency COMMAND [options]}: the product's command line. */
public final class Main {
    static final String USAGE = """
            Usage: ./sufficiency COMMAND [options]

              demo     [--work DIR] [--port N]
                       generate a demo county, run the pipeline and serve the dashboard on localhost
              run      --input DIR --warehouse DIR [--la LA] [--master URL]
                       read every recognisable file under DIR and publish a new warehouse snapshot
              sql      --warehouse DIR "SELECT ..."
                       run a read-only query on the current snapshot and print CSV
              serve    --warehouse DIR [--port N] [--host ADDRESS] [--secure-cookies true] [--trusted-proxy ADDR,...]
                       serve the dashboard (default http://127.0.0.1:7070); behind TLS see docs/security.md
              generate --out DIR [--las N] [--years N] [--seed N]
                       write synthetic 903 returns
              schedule --input DIR --warehouse DIR --cron "0 0 2 * * ?" [--la LA] [--master URL] [--poll SECONDS]
                       run the pipeline on a cron and when new files arrive; Ctrl-C stops
              forecast --warehouse DIR [--la LA] [--scenario FILE]
                       print the projection (children by placement group, spend, backtest accuracy); with a
                       scenario file (JSON, see docs/forecast.md), the scenario beside the base
              status   --warehouse DIR
                       list recent runs, their outcome and summary
              user     add --warehouse DIR --user NAME --la LA|'*' [--role viewer|admin] [--force]  (password read from the terminal or stdin;
                       an LA the current snapshot does not hold is refused unless --force)
                       remove --warehouse DIR --user NAME;  list --warehouse DIR
                       who may sign in to the dashboard
              bench    [--work DIR] [--las N] [--years N]
                       generate a national-size extract, run the pipeline on it, report time and memory
              loadtest [--work DIR | --warehouse DIR] [--requests N] [--seconds S]
                       time the dashboard's pages and API on 127.0.0.1 (demo warehouse unless --warehouse);
                       N requests per target per pass (default 200, at most 1000), S seconds in all (default 120)
            """;

    private Main() {
    }

    public static void main(String[] argv) {
        System.exit(run(Arrays.asList(argv), System.out, System.err));
    }

    static int run(List<String> argv, PrintStream out, PrintStream err) {
        if (argv.isEmpty() || Set.of("help", "--help", "-h").contains(argv.get(0))) {
            out.print(USAGE);
            return argv.isEmpty() ? 2 : 0;
        }
        String command = argv.get(0);
        List<String> words = argv.subList(1, argv.size());
        try {
            return switch (command) {
                case "run" -> Commands.run(new Args(command, words, Set.of("input", "warehouse", "la", "master")), out, err);
                case "sql" -> Commands.sql(new Args(command, words, Set.of("warehouse")), out);
                case "serve" -> Commands.serve(new Args(command, words,
                        Set.of("warehouse", "port", "host", "secure-cookies", "trusted-proxy")), out);
                case "generate" -> Commands.generate(new Args(command, words, Set.of("out", "las", "years", "seed")), out);
                case "demo" -> Commands.demo(new Args(command, words, Set.of("work", "port")), out, err);
                case "schedule" -> Commands.schedule(new Args(command, words,
                        Set.of("input", "warehouse", "cron", "la", "master", "poll")), out);
                case "user" -> UserCommand.run(words, out, err);
                case "forecast" -> ForecastCommand.run(new Args(command, words, Set.of("warehouse", "la", "scenario")), out);
                case "status" -> Commands.status(new Args(command, words, Set.of("warehouse")), out);
                case "loadtest" -> Commands.loadtest(new Args(command, words,
                        Set.of("work", "warehouse", "requests", "seconds")), out, err);
                case "bench" -> Commands.bench(new Args(command, words, Set.of("work", "las", "years")), out, err);
                default -> throw new Args.UsageError("unknown command '" + command + "'");
            };
        } catch (Args.UsageError e) {
            err.println("error: " + e.getMessage());
            err.print(USAGE);
            return 2;
        } catch (InputProblem e) {
            err.println("error: " + e.getMessage());
            err.println("Nothing was published; the previous snapshot (if any) stays current.");
            return 1;
        } catch (IllegalArgumentException | IllegalStateException e) {
            err.println("error: " + e.getMessage());
            return 1;
        } catch (Exception e) {
            err.println("error: " + e);
            return 1;
        }
    }

    static Path defaultWork(String name) {
        return Path.of(name).toAbsolutePath();
    }
}
