package dev.likeness.faceindex;

import dev.likeness.media.MediaCipher;
import dev.likeness.storedface.StoredFaces;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Reads the index's source of truth. Every method runs outside the caller's transaction: the index
 * must only ever hold committed faces, never one a transaction may still roll back.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NOT_SUPPORTED)
class GalleryRows {

    /** A face as stored, its descriptor decrypted. */
    record Row(IndexedFace face, float[] descriptor, String modelVersion) {
    }

    private static final String SELECT = """
            select ft.id, ft.vendor_data, ft.source, ft.approved, ft.model_version, ft.key_id, ft.nonce, ft.embedding,
                   exists (select 1 from list_entry le join entry_list el on el.id = le.list_id
                           where le.face_id = ft.id and el.list_type = 'blocklist') as blocklisted,
                   exists (select 1 from list_entry le join entry_list el on el.id = le.list_id
                           where le.face_id = ft.id and el.list_type = 'allowlist') as allowlisted
            from face_template ft
            where ft.application_id = ? and ft.deleted_at is null and ft.source = any (?)
            """;

    private final DataSource dataSource;
    private final MediaCipher cipher;

    GalleryRows(DataSource dataSource, MediaCipher cipher) {
        this.dataSource = dataSource;
        this.cipher = cipher;
    }

    /** The application's latest committed change version (0 before its first change). */
    long latestVersion(UUID applicationId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select version from face_index_version where application_id = ?")) {
            s.setObject(1, applicationId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw new IndexUnavailableException(e);
        }
    }

    /** Faces changed after version {@code after} up to {@code upTo}; whether the log still reaches back that far. */
    record Changes(List<UUID> faceIds, boolean complete) {
    }

    Changes changedBetween(UUID applicationId, long after, long upTo) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     select version, face_id from face_index_change
                     where application_id = ? and version > ? and version <= ? order by version""")) {
            s.setObject(1, applicationId);
            s.setLong(2, after);
            s.setLong(3, upTo);
            List<UUID> ids = new ArrayList<>();
            long first = -1;
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    if (first < 0) {
                        first = rs.getLong(1);
                    }
                    ids.add(rs.getObject(2, UUID.class));
                }
            }
            // Pruned log: the first change after ours is gone, so the gallery must be reloaded whole.
            return new Changes(ids.stream().distinct().toList(), first == after + 1);
        } catch (SQLException e) {
            throw new IndexUnavailableException(e);
        }
    }

    /** Streams the application's indexed faces, or only those among {@code ids} that still exist. */
    void read(UUID applicationId, Collection<UUID> ids, Consumer<Row> sink) {
        String sql = ids == null ? SELECT : SELECT + " and ft.id = any (?)";
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            // A cursor instead of the whole result in memory: a gallery can hold a million faces.
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setFetchSize(2000);
                s.setObject(1, applicationId);
                s.setArray(2, c.createArrayOf("varchar", FaceSource.columns().toArray()));
                if (ids != null) {
                    s.setArray(3, c.createArrayOf("uuid", ids.toArray()));
                }
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        sink.accept(row(rs));
                    }
                }
                c.commit();
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IndexUnavailableException(e);
        }
    }

    private Row row(ResultSet rs) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        byte[] plain = cipher.open(new MediaCipher.Sealed(rs.getString("key_id"), rs.getBytes("nonce"),
                rs.getBytes("embedding")), id.toString());
        FaceSource source = FaceSource.ofColumn(rs.getString("source")).orElseThrow();
        IndexedFace face = new IndexedFace(id, IndexedFace.vendorKey(rs.getString("vendor_data")), source,
                rs.getBoolean("approved"), rs.getBoolean("blocklisted"), rs.getBoolean("allowlisted"));
        return new Row(face, StoredFaces.descriptorOf(plain), rs.getString("model_version"));
    }
}
