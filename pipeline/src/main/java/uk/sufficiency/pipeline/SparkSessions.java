package uk.sufficiency.pipeline;

import org.apache.spark.sql.SparkSession;

/** The one SparkSession a JVM uses: small shuffles, no UI, session time zone fixed to UTC for dates. */
public final class SparkSessions {
    private SparkSessions() {
    }

    public static SparkSession getOrCreate(String master) {
        return SparkSession.builder()
                .appName("sufficiency-warehouse")
                .master(master)
                .config("spark.ui.enabled", "false")
                .config("spark.ui.showConsoleProgress", "false")
                .config("spark.sql.shuffle.partitions", "8")
                .config("spark.sql.session.timeZone", "UTC")
                .config("spark.sql.ansi.enabled", "false")
                .config("spark.sql.legacy.timeParserPolicy", "CORRECTED")
                .getOrCreate();
    }
}
