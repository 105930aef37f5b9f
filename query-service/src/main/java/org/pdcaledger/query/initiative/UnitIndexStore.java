package org.pdcaledger.query.initiative;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.bson.Document;
import org.pdcaledger.query.config.ViewStore;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

/**
 * Keeps {@link UnitIndex} sets (which units have initiatives, per subtree or per facet) in chunks of at most
 * {@link #CHUNK} unit ids, so that neither adding a unit nor reading a set ever rewrites or transfers one document
 * holding every unit of the tree (mongo-java-server copies a whole document on every update):
 * <ul>
 * <li>{@code <key>}: the header, counting the slots handed out;</li>
 * <li>{@code <key>#<n>}: chunk {@code n}, the units in slots {@code n*CHUNK … n*CHUNK+CHUNK-1}, in order;</li>
 * <li>{@code <key>|<unitId>}: a marker that the unit is in the set, so adding it again is one look-up.</li>
 * </ul>
 * Adding is idempotent and safe to repeat after a crash: the marker is written last, the chunk update is an
 * {@code $addToSet}, and a reader drops the duplicate a repeated add may leave in a later chunk.
 */
final class UnitIndexStore {

    static final int CHUNK = 256;

    private final MongoCollection<Document> collection;

    UnitIndexStore(MongoDatabase database, String collectionName) {
        this.collection = database.getCollection(collectionName);
    }

    /** Adds {@code unitId} to the set under {@code key}, as of the event at {@code position}. */
    void add(String key, String unitId, long position) {
        String marker = key + "|" + unitId;
        if (collection.find(Filters.eq("_id", marker)).first() != null) {
            return;
        }
        Document header = collection.findOneAndUpdate(Filters.eq("_id", key),
                Updates.combine(Updates.inc("count", 1), Updates.max(ViewStore.POSITION, position)),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        long slot = header.get("count", Number.class).longValue() - 1;
        collection.updateOne(Filters.eq("_id", key + "#" + slot / CHUNK),
                Updates.combine(Updates.addToSet("units", unitId), Updates.max(ViewStore.POSITION, position)),
                new UpdateOptions().upsert(true));
        collection.updateOne(Filters.eq("_id", marker), Updates.max(ViewStore.POSITION, position),
                new UpdateOptions().upsert(true));
    }

    /** The set under {@code key} in the order its units were added; empty when there is none. */
    List<String> members(String key) {
        Document header = collection.find(Filters.eq("_id", key)).first();
        if (header == null) {
            return List.of();
        }
        long chunks = (header.get("count", Number.class).longValue() + CHUNK - 1) / CHUNK;
        List<String> ids = new ArrayList<>();
        for (long n = 0; n < chunks; n++) {
            ids.add(key + "#" + n);
        }
        List<Document> found = collection.find(Filters.in("_id", ids)).into(new ArrayList<>());
        found.sort((a, b) -> Long.compare(chunkNumber(a), chunkNumber(b)));
        Set<String> members = new LinkedHashSet<>();
        found.forEach(chunk -> members.addAll(chunk.getList("units", String.class, List.of())));
        return List.copyOf(members);
    }

    Set<String> memberSet(String key) {
        return new java.util.HashSet<>(members(key));
    }

    MongoCollection<Document> collection() {
        return collection;
    }

    void deleteAll() {
        collection.deleteMany(new Document());
    }

    private static long chunkNumber(Document chunk) {
        String id = chunk.getString("_id");
        return Long.parseLong(id.substring(id.lastIndexOf('#') + 1));
    }
}
