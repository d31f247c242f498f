package nl.verbeterhub.support.fhirserver;

import ca.uhn.fhir.rest.server.RestfulServer;
import jakarta.servlet.Filter;
import java.nio.file.Path;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;

/** A HAPI FHIR {@link RestfulServer} at {@code /fhir} on an embedded Tomcat at a free port, behind one filter. */
public final class FhirTomcat {

    private FhirTomcat() {
    }

    public static Tomcat start(RestfulServer server, Filter filter, Path baseDir) throws LifecycleException {
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(baseDir.toString());
        tomcat.setPort(0);
        Context ctx = tomcat.addContext("", null);
        Tomcat.addServlet(ctx, "fhir", server).setLoadOnStartup(1);
        ctx.addServletMappingDecoded("/fhir/*", "fhir");
        FilterDef def = new FilterDef();
        def.setFilterName("front");
        def.setFilter(filter);
        ctx.addFilterDef(def);
        FilterMap map = new FilterMap();
        map.setFilterName("front");
        map.addURLPattern("/*");
        ctx.addFilterMap(map);
        tomcat.getConnector();
        tomcat.start();
        return tomcat;
    }

    /** Where clients reach the server. */
    public static String baseUrl(Tomcat tomcat) {
        return "http://localhost:" + tomcat.getConnector().getLocalPort() + "/fhir";
    }
}
