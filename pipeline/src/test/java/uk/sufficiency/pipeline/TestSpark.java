package uk.sufficiency.pipeline;

import org.apache.spark.sql.SparkSession;

/** The one SparkSession of a test JVM: two local threads, few shuffle partitions, no UI. */
public final class TestSpark {
    private static SparkSession session;

    private TestSpark() {
    }

    public static synchronized SparkSession session() {
        if (session == null) {
            session = SparkSessions.getOrCreate("local[2]");
            session.conf().set("spark.sql.shuffle.partitions", "2");
        }
        return session;
    }
}
