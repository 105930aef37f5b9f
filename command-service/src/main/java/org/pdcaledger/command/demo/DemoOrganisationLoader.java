package org.pdcaledger.command.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.pdcaledger.command.framework.FrameworkCatalogTable;
import org.pdcaledger.command.unit.UnitTreeTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;

/**
 * Demo mode ({@code ./pdca run --demo}, {@code pdca.demo.enabled=true}): once the service is ready (and so after the
 * built-in frameworks are published), loads the demo city government in the background through the command gateway,
 * as the REST controllers would, with the demo accounts as actors. Every aggregate rule and scope check applies, so
 * the history is genuine.
 * <p>
 * Loading is idempotent and resumable: ids are deterministic, every command stores exactly one event, and a command
 * whose sequence number its aggregate already has is skipped. A second start, or a second instance, sends nothing;
 * a load that stopped half-way continues where it stopped. The day the demo is anchored to is the day its root unit
 * was registered, so a resumed load writes the same history. A rejected command is logged and only that aggregate's
 * remaining commands are left out; nothing here can fail the service.
 */
@Component
@ConditionalOnProperty(name = "pdca.demo.enabled", havingValue = "true")
class DemoOrganisationLoader {

    private static final Logger log = LoggerFactory.getLogger(DemoOrganisationLoader.class);
    private static final long NONE = -1;

    /** What a load did; {@code asOf} is the "today" its history ends before. */
    record Report(LocalDate asOf, int steps, int sent, int alreadyStored, int rejected, List<String> skipped,
            Duration took) {

        static Report notLoaded(String reason) {
            return new Report(null, 0, 0, 0, 0, List.of(reason), Duration.ZERO);
        }
    }

    private final CommandGateway commands;
    private final EventStore events;
    private final UnitTreeTable units;
    private final FrameworkCatalogTable frameworks;
    private final Clock clock;
    private final CompletableFuture<Report> finished = new CompletableFuture<>();
    private final ExecutorService background = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "pdca-demo-loader");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean stopping;

    DemoOrganisationLoader(CommandGateway commands, EventStore events, UnitTreeTable units,
            FrameworkCatalogTable frameworks, Clock clock) {
        this.commands = commands;
        this.events = events;
        this.units = units;
        this.frameworks = frameworks;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void loadInBackground() {
        background.execute(() -> {
            try {
                finished.complete(load(DemoData.builtIn(), Integer.MAX_VALUE));
            } catch (RuntimeException e) {
                log.error("demo organisation not loaded: {}", e.toString(), e);
                finished.completeExceptionally(e);
            }
        });
    }

    /** Completes when the load started at start-up is over. */
    CompletableFuture<Report> finished() {
        return finished;
    }

    @PreDestroy
    void stop() {
        stopping = true;
        background.shutdownNow();
    }

    /**
     * Sends what of the demo history is not stored yet, at most {@code limit} commands (a test stops a load
     * half-way with it).
     */
    Report load(DemoData data, int limit) {
        long began = System.nanoTime();
        String rootCode = data.organisation().root().code();
        String rootId = DemoScript.unitId(rootCode);
        Optional<String> existingRoot = units.unitWithCode(rootCode);
        if (existingRoot.isPresent() && !existingRoot.get().equals(rootId)) {
            String reason = "unit code " + rootCode + " belongs to unit " + existingRoot.get()
                    + ", which the demo did not register; demo organisation not loaded";
            log.warn(reason);
            return Report.notLoaded(reason);
        }
        LocalDate today = existingRoot.isPresent() ? anchoredDay(rootId) : LocalDate.now(clock);
        DemoScript.Script script = DemoScript.build(data, today, code -> frameworks.latestVersion(code)
                .map(version -> new DemoScript.PublishedFramework(version, frameworks.indicatorCodes(code, version))));
        script.skipped().forEach(reason -> log.warn("demo: {}", reason));
        Map<String, Long> stored = new HashMap<>();
        Set<String> givenUp = new HashSet<>();
        int sent = 0;
        int already = 0;
        int rejected = 0;
        for (DemoStep step : script.steps()) {
            if (stopping || sent >= limit) {
                break;
            }
            String aggregateId = step.aggregateId();
            if (step.sequence() <= stored.computeIfAbsent(aggregateId, this::lastSequence)) {
                already++;
                continue;
            }
            if (givenUp.contains(aggregateId)) {
                continue;
            }
            try {
                commands.sendAndWait(GenericCommandMessage.asCommandMessage(step.command())
                        .andMetaData(step.actor().metadata(step.command())));
                stored.put(aggregateId, step.sequence());
                sent++;
            } catch (RuntimeException e) {
                long last = lastSequence(aggregateId);
                stored.put(aggregateId, last);
                if (last >= step.sequence()) {
                    already++; // another instance stored it meanwhile
                } else {
                    rejected++;
                    givenUp.add(aggregateId);
                    log.warn("demo: {} rejected, the rest of {} is left out: {}", step.describe(), aggregateId,
                            e.getMessage());
                }
            }
        }
        Report report = new Report(today, script.steps().size(), sent, already, rejected, script.skipped(),
                Duration.ofNanos(System.nanoTime() - began));
        if (sent == 0 && rejected == 0) {
            log.info("demo organisation {} already loaded ({} events)", rootCode, already);
        } else {
            log.info("demo organisation {} loaded as of {}: {} commands sent, {} already stored, {} rejected, in {} ms",
                    rootCode, today, sent, already, rejected, report.took().toMillis());
        }
        return report;
    }

    private long lastSequence(String aggregateId) {
        return events.lastSequenceNumberFor(aggregateId).orElse(NONE);
    }

    /** The day the demo's root unit was registered, where the units work: the "today" of its history. */
    private LocalDate anchoredDay(String rootId) {
        DomainEventStream stream = events.readEvents(rootId);
        if (!stream.hasNext()) {
            return LocalDate.now(clock);
        }
        return LocalDate.ofInstant(stream.next().getTimestamp(), clock.getZone());
    }
}
