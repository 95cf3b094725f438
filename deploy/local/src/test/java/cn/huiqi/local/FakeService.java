package cn.huiqi.local;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import com.sun.net.httpserver.HttpServer;

/**
 * Stands in for a packaged service in {@link HuiqiSuiteTest} (the real ones are built by other modules): checks what a
 * Quarkus service would need from the launcher - its database through JDBC with the given credentials, the Kafka
 * broker, its HTTP port - then answers on /q/health/ready until SIGTERM.
 */
public final class FakeService {

    private FakeService() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.getInteger("quarkus.http.port");
        String jdbcUrl = System.getProperty("quarkus.datasource.jdbc.url");
        String kafka = System.getProperty("kafka.bootstrap.servers");
        System.out.println("jdbc=" + jdbcUrl);
        System.out.println("kafka=" + kafka);
        System.out.println("extra=" + System.getProperty("huiqi.test.extra"));

        try (Connection c = DriverManager.getConnection(jdbcUrl, System.getProperty("quarkus.datasource.username"),
                System.getProperty("quarkus.datasource.password"));
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT current_database()")) {
            rs.next();
            System.out.println("database=" + rs.getString(1));
        }
        String[] broker = kafka.split(",")[0].split(":");
        try (Socket socket = new Socket(broker[0], Integer.parseInt(broker[1]))) {
            System.out.println("kafka reachable");
        }

        HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
        server.createContext("/q/health/ready", exchange -> {
            byte[] body = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("stopping on SIGTERM");
            server.stop(0);
        }));
        System.out.println("listening on " + port);
    }

    /** A service that fails at startup like Quarkus does when its port is taken. */
    public static final class Failing {
        private Failing() {
        }

        public static void main(String[] args) throws IOException {
            System.out.println("Port " + System.getProperty("quarkus.http.port") + " seems to be in use");
            System.exit(3);
        }
    }
}
