package vn.phaodai;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import vn.phaodai.commandline.Commands;


/** Pháo Đài: the epidemic command centre of a province. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class Application {

    /** A command (see {@link Commands}) runs without the web server and stops when done. */
    public static void main(String[] args) {
        boolean command = Commands.name(args) != null;
        try {
            if (command) {
                var context = new SpringApplicationBuilder(Application.class).web(WebApplicationType.NONE).run(args);
                int status = context.getBean(Commands.class).exitCode();
                SpringApplication.exit(context);
                System.exit(status);
            }
            SpringApplication.run(Application.class, args);
        } catch (RuntimeException failed) {
            // Spring Boot has said why (a sentence for the failures a user can fix); no second trace, a non-zero exit.
            System.exit(1);
        }
    }
}
