package uk.sufficiency.pipeline.intermediate;

import static org.apache.spark.sql.functions.udf;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;

/**
 * The child id the warehouse stores: HMAC-SHA256 of (LA, CHILD) under the installation's secret, so
 * one child keeps one pseudonym across runs, the same id in two LAs stays two children, and the
 * secret never appears in a query plan (it travels inside the function, not as a literal).
 * 20 hex digits (80 bits) keep collisions out of reach for any number of children England has.
 */
public final class Pseudonym implements UDF2<String, String, String> {
    private final String secret;
    private transient Mac mac;

    private Pseudonym(String secret) {
        this.secret = secret;
    }

    public static Column of(String secret, Column la, Column child) {
        UserDefinedFunction function = udf(new Pseudonym(secret), DataTypes.StringType);
        return function.apply(la, child);
    }

    @Override
    public String call(String la, String child) throws GeneralSecurityException {
        if (la == null || child == null) {
            return null;
        }
        if (mac == null) {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        }
        byte[] digest = mac.doFinal((la + "\u0000" + child).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, 10);
    }

    @Override
    public String toString() {
        return "Pseudonym";
    }
}
