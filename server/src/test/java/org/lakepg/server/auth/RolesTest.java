package org.lakepg.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.lakepg.wire.error.PgException;

/** Committing a transaction's role changes: replayed on the committed state, stored before anyone sees them. */
class RolesTest {

    /** Keeps what was stored, or fails every store while {@code failing}. */
    private static final class MemoryStorage implements RoleStorage {
        List<String> lines = new ArrayList<>();
        final List<RoleChange.DatabaseSetting> settings = new ArrayList<>();
        boolean failing;

        @Override
        public List<String> load() {
            return lines;
        }

        @Override
        public void store(Optional<List<String>> roleLines, List<RoleChange.DatabaseSetting> databaseSettings) {
            if (failing) {
                throw new UncheckedIOException(new java.io.IOException("store unavailable"));
            }
            roleLines.ifPresent(newLines -> lines = List.copyOf(newLines));
            settings.addAll(databaseSettings);
        }
    }

    private static RoleChange.Create create(Roles roles, String name) {
        return new RoleChange.Create(Role.withDefaults(name, false).withOid(roles.allocateOid()));
    }

    @Test
    void aStoreThatFailsFailsTheCommitAndChangesNothing() {
        MemoryStorage storage = new MemoryStorage();
        Roles roles = new Roles(Optional.empty(), storage);
        storage.failing = true;
        long version = roles.version();
        assertThatThrownBy(() -> roles.commit(List.of(create(roles, "app"))))
                .isInstanceOf(UncheckedIOException.class);
        assertThat(roles.find("app")).isEmpty();
        assertThat(roles.version()).isEqualTo(version);

        storage.failing = false;
        roles.commit(List.of(create(roles, "app")));
        assertThat(new Roles(Optional.empty(), storage).find("app")).isPresent();
    }

    @Test
    void aNameCommittedMeanwhileFailsTheLaterCommitWithNothingApplied() {
        MemoryStorage storage = new MemoryStorage();
        Roles roles = new Roles(Optional.empty(), storage);
        roles.commit(List.of(create(roles, "same")));
        RoleChange other = create(roles, "other");
        assertThatThrownBy(() -> roles.commit(List.of(other, create(roles, "same"),
                new RoleChange.DatabaseSetting("postgres", "work_mem", "8MB"))))
                .isInstanceOfSatisfying(PgException.class, e -> {
                    assertThat(e.sqlState().code()).isEqualTo("42710");
                    assertThat(e.getMessage()).isEqualTo("role \"same\" already exists");
                });
        assertThat(roles.find("other")).isEmpty();
        assertThat(storage.settings).isEmpty();
        assertThat(roles.all().stream().filter(r -> r.name().equals("same"))).hasSize(1);
    }

    @Test
    void aRoleDroppedMeanwhileCannotBeGrantedAtCommit() {
        Roles roles = new Roles(Optional.empty(), new MemoryStorage());
        RoleChange.Create group = create(roles, "group");
        roles.commit(List.of(group));
        roles.commit(List.of(new RoleChange.Drop(group.role().oid(), "group")));
        assertThatThrownBy(() -> roles.commit(List.of(new RoleChange.Grant(
                new Membership(group.role().oid(), Roles.BOOTSTRAP_SUPERUSER_OID, 10, false)))))
                .isInstanceOfSatisfying(PgException.class, e -> assertThat(e.sqlState().code()).isEqualTo("42704"));
        assertThat(roles.memberships()).noneMatch(m -> m.role() == group.role().oid());
    }
}
