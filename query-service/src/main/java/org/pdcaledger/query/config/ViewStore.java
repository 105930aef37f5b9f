package org.pdcaledger.query.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;

/**
 * A collection of view documents of one type, each stored under its key with the global position of the last event
 * applied to it. {@link #apply} skips an event whose position the document has already seen, which makes every
 * projection built on it idempotent: replaying a range twice leaves the documents unchanged.
 * <p>
 * Views are Java records written through Jackson, so a document's field order is the record's and a rebuild writes
 * byte-identical documents.
 * <p>
 * Inside a streaming processor's batch, documents are read once and written once at the end of the batch
 * ({@link ViewWriteBehind}); {@link #findAll} and {@link #collection} first write what the batch has pending, so a
 * projection always reads its own writes.
 *
 * @param <T> the view record
 */
public class ViewStore<T> {

    public static final String POSITION = "_position";
    private static final JsonWriterSettings RELAXED = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();

    private final MongoCollection<Document> collection;
    private final Class<T> type;
    private final ObjectMapper objectMapper;

    public ViewStore(MongoDatabase database, String collectionName, Class<T> type, ObjectMapper objectMapper) {
        this.collection = database.getCollection(collectionName);
        this.type = type;
        this.objectMapper = objectMapper;
    }

    public Optional<T> find(String key) {
        return Optional.ofNullable(document(key)).map(this::toView);
    }

    public List<T> findAll(Bson filter) {
        flushPending();
        List<T> views = new ArrayList<>();
        collection.find(filter).forEach(document -> views.add(toView(document)));
        return views;
    }

    /**
     * Applies an event at {@code position} to the document under {@code key}: {@code change} receives the current
     * view ({@code null} when there is none) and returns the new one, or {@code null} to leave it untouched.
     * Nothing happens when the document has already applied this position or a later one.
     */
    public void apply(String key, long position, UnaryOperator<T> change) {
        Document current = document(key);
        if (current != null && current.get(POSITION, Number.class).longValue() >= position) {
            return;
        }
        T updated = change.apply(current == null ? null : toView(current));
        if (updated == null) {
            return;
        }
        Document document = toDocument(key, position, updated);
        ViewWriteBehind batch = ViewWriteBehind.current();
        if (batch != null) {
            batch.written(this, key, document);
        } else {
            collection.replaceOne(Filters.eq("_id", key), document, new ReplaceOptions().upsert(true));
        }
    }

    public void deleteAll() {
        ViewWriteBehind batch = ViewWriteBehind.current();
        if (batch != null) {
            batch.forget(this);
        }
        collection.deleteMany(new Document());
    }

    /**
     * The collection itself, with what the current batch has pending written first; the batch then forgets this
     * store's documents, since the caller may change them directly.
     */
    public MongoCollection<Document> collection() {
        ViewWriteBehind batch = ViewWriteBehind.current();
        if (batch != null) {
            batch.flush(this);
            batch.forget(this);
        }
        return collection;
    }

    private Document document(String key) {
        ViewWriteBehind batch = ViewWriteBehind.current();
        if (batch == null) {
            return collection.find(Filters.eq("_id", key)).first();
        }
        if (!batch.holds(this, key)) {
            batch.loaded(this, key, collection.find(Filters.eq("_id", key)).first());
        }
        return batch.get(this, key);
    }

    private void flushPending() {
        ViewWriteBehind batch = ViewWriteBehind.current();
        if (batch != null) {
            batch.flush(this);
        }
    }

    /** Replaces (or inserts) every document in one round trip. */
    void writeAll(List<Document> documents) {
        if (documents.size() == 1) {
            Document document = documents.get(0);
            collection.replaceOne(Filters.eq("_id", document.get("_id")), document, new ReplaceOptions().upsert(true));
            return;
        }
        collection.bulkWrite(documents.stream()
                .map(document -> new ReplaceOneModel<>(Filters.eq("_id", document.get("_id")), document,
                        new ReplaceOptions().upsert(true)))
                .toList());
    }

    Document toDocument(String key, long position, T view) {
        try {
            Document document = new Document("_id", key);
            document.putAll(Document.parse(objectMapper.writeValueAsString(view)));
            document.put(POSITION, position);
            return document;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write view " + type.getSimpleName(), e);
        }
    }

    T toView(Document document) {
        Document copy = new Document(document);
        copy.remove("_id");
        copy.remove(POSITION);
        try {
            return objectMapper.readValue(copy.toJson(RELAXED), type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read view " + type.getSimpleName(), e);
        }
    }
}
