import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;

/**
 * Started by GuardAgentIT as a single-file source program ({@code java -javaagent:... NestedLauncher.java <class path> <main>}),
 * so the JVM's own class path holds nothing but the agent jar: like a Spring Boot fat jar, the application (Hibernate,
 * Byte Buddy, this library) is loaded by a nested, parent-first URLClassLoader, invisible to the agent's loader.
 */
public class NestedLauncher {
    public static void main(String[] args) throws Exception {
        List<URL> urls = new ArrayList<>();
        for (String entry : args[0].split(File.pathSeparator)) {
            urls.add(new File(entry).toURI().toURL());
        }
        ClassLoader app = new URLClassLoader("app", urls.toArray(URL[]::new), ClassLoader.getSystemClassLoader());
        Thread.currentThread().setContextClassLoader(app);
        System.out.println("byte buddy on the system class path=" + visible("net.bytebuddy.ByteBuddy"));
        System.out.println("hibernate on the system class path=" + visible("org.hibernate.Session"));
        Class.forName(args[1], true, app).getMethod("main", String[].class).invoke(null, (Object) new String[0]);
    }

    private static boolean visible(String name) {
        try {
            Class.forName(name, false, ClassLoader.getSystemClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
