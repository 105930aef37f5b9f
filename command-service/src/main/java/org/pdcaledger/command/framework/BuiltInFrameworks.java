package org.pdcaledger.command.framework;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.pdcaledger.kernel.common.MetadataKeys;
import org.pdcaledger.kernel.common.RuleViolationException;
import org.pdcaledger.kernel.framework.FrameworkDefinition;
import org.pdcaledger.kernel.framework.PublishFrameworkVersionCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Publishes the frameworks that ship with the product ({@code classpath:frameworks/*.yaml}) when the service starts.
 * Safe to run on every start and on several instances at once: the framework aggregate's id derives from the code
 * and publishing an identical version again stores nothing; two instances racing to create the same aggregate
 * collide on its first sequence number, and the loser retries, finding the version already there.
 */
@Component
class BuiltInFrameworks implements ApplicationRunner {

    static final String LOCATION = "classpath*:frameworks/*.yaml";
    private static final Logger log = LoggerFactory.getLogger(BuiltInFrameworks.class);
    private static final Map<String, Object> SYSTEM_ADMIN = Map.of(
            MetadataKeys.ACTOR, "system",
            MetadataKeys.ACTOR_NAME, "built-in frameworks",
            MetadataKeys.COMMAND, PublishFrameworkVersionCommand.class.getSimpleName(),
            "grants", List.of("ADMIN@*"));

    private final CommandGateway commands;
    private final FrameworkDocuments documents;
    private final boolean enabled;

    BuiltInFrameworks(CommandGateway commands, FrameworkDocuments documents,
            @Value("${pdca.frameworks.load-built-in:true}") boolean enabled) {
        this.commands = commands;
        this.documents = documents;
        this.enabled = enabled;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (!enabled) {
            return;
        }
        for (FrameworkDefinition definition : definitions(documents)) {
            publish(definition, 1);
        }
    }

    /** Every built-in framework, read and validated like an imported document; a broken file fails loudly. */
    static List<FrameworkDefinition> definitions(FrameworkDocuments documents) throws IOException {
        Resource[] files = new PathMatchingResourcePatternResolver().getResources(LOCATION);
        Arrays.sort(files, Comparator.comparing(Resource::getFilename));
        List<FrameworkDefinition> definitions = new java.util.ArrayList<>();
        for (Resource file : files) {
            try (InputStream in = file.getInputStream()) {
                definitions.add(documents.read(in.readAllBytes(), FrameworkDocuments.Syntax.YAML));
            } catch (FrameworkDocumentRejectedException e) {
                throw new IllegalStateException("built-in framework " + file.getFilename() + " is invalid: "
                        + e.problems(), e);
            }
        }
        return definitions;
    }

    private void publish(FrameworkDefinition definition, int retries) {
        try {
            boolean publishedNow = commands.sendAndWait(GenericCommandMessage
                    .asCommandMessage(PublishFrameworkVersionCommand.of(definition)).andMetaData(SYSTEM_ADMIN));
            if (publishedNow) {
                log.info("published built-in framework {} version {}", definition.code(), definition.version());
            }
        } catch (ConcurrencyException | AggregateStreamCreationException e) {
            if (retries == 0) {
                throw e;
            }
            publish(definition, retries - 1);
        } catch (RuleViolationException e) {
            log.error("built-in framework {} version {} is not published"
                    + " (a changed file needs a new version, higher than any imported one): {}", definition.code(), definition.version(),
                    e.getMessage());
        }
    }
}
