package nl.verbeterhub.bench;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Sends each response whole. HAPI's server flushes its writer after every JSON token it encodes, which on
 * an embedded Tomcat becomes a socket write per token: the benchmark's server would then measure system
 * calls, not FHIR. A real server buffers its pages; so does this one.
 */
final class WholeResponses implements Filter {

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        HttpServletResponse http = (HttpServletResponse) response;
        ByteArrayOutputStream body = new ByteArrayOutputStream(1 << 20);
        ServletOutputStream out = new ServletOutputStream() {
            @Override
            public void write(int b) {
                body.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                body.write(b, off, len);
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
            }
        };
        PrintWriter writer = new PrintWriter(new OutputStreamWriter(body, StandardCharsets.UTF_8));
        chain.doFilter(request, new HttpServletResponseWrapper(http) {
            @Override
            public ServletOutputStream getOutputStream() {
                return out;
            }

            @Override
            public PrintWriter getWriter() {
                return writer;
            }

            @Override
            public void flushBuffer() {
            }
        });
        writer.flush();
        http.setContentLength(body.size());
        body.writeTo(http.getOutputStream());
    }
}
