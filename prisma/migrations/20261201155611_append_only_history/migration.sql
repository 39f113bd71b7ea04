-- Append-only history (hand-written; docs/decisions/0008-threat-model.md). The hash chain makes
-- tampering detectable; these triggers make the ordinary ways of rewriting history fail loudly:
-- a change of an entry is a new chained event, never an UPDATE, and nothing chained or audited
-- is ever deleted. They stop every ordinary write through the application. The role that owns
-- the tables (in a simple setup the application's own role) or a superuser can still disable them
-- (ALTER TABLE … DISABLE TRIGGER, session_replication_role, DROP TRIGGER): run the app as a role
-- that does not own the tables to close that door, and the digests printed on paper catch the rest.

-- The columns whose value differs between two versions of a row, except those listed as free;
-- null when none does.
CREATE FUNCTION "history_changed_columns"(before jsonb, after jsonb, free text[]) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT string_agg(n.key, ', ' ORDER BY n.key)
  FROM jsonb_each(after) AS n
  WHERE n.value IS DISTINCT FROM before -> n.key AND NOT (n.key = ANY (coalesce(free, '{}')))
$$;

-- UPDATE may change only the columns named as trigger arguments.
CREATE FUNCTION "history_refuse_update"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changed text := "history_changed_columns"(to_jsonb(OLD), to_jsonb(NEW), TG_ARGV);
BEGIN
  IF changed IS NOT NULL THEN
    RAISE EXCEPTION 'history is append-only: "%".% of row % cannot be changed', TG_TABLE_NAME, changed, OLD.id
      USING HINT = 'A change of an entry is a new chained event; see docs/decisions/0008-threat-model.md.';
  END IF;
  RETURN NEW;
END
$$;

CREATE FUNCTION "history_refuse_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'history is append-only: row % of "%" cannot be deleted', OLD.id, TG_TABLE_NAME
    USING HINT = 'Entries are voided by an event, never deleted; see docs/decisions/0008-threat-model.md.';
END
$$;

CREATE FUNCTION "history_refuse_truncate"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'history is append-only: "%" cannot be truncated', TG_TABLE_NAME
    USING HINT = 'See docs/decisions/0008-threat-model.md.';
END
$$;

-- Appeals and rectification requests: the decision columns (trigger arguments after the first)
-- are set once, while the row still has its open status (the first argument); the filing never
-- changes. Both are chained as events and cross-checked against the row by verify:chains.
CREATE FUNCTION "due_process_refuse_update"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  free text[] := CASE WHEN to_jsonb(OLD) ->> 'status' = TG_ARGV[0] THEN TG_ARGV[1:] ELSE '{}'::text[] END;
  changed text := "history_changed_columns"(to_jsonb(OLD), to_jsonb(NEW), free);
BEGIN
  IF changed IS NOT NULL THEN
    RAISE EXCEPTION 'history is append-only: "%".% of row % cannot be changed (a filing never changes; a decision is made once)', TG_TABLE_NAME, changed, OLD.id
      USING HINT = 'See docs/decisions/0008-threat-model.md.';
  END IF;
  RETURN NEW;
END
$$;

-- Evidence photos: an upload is attached once (entryId or rectificationId set from NULL), then
-- frozen, because its SHA-256 is chained. An unattached upload may still be deleted (the clean-up
-- of uploads never attached).
CREATE FUNCTION "evidence_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  attached boolean := OLD."entryId" IS NOT NULL OR OLD."rectificationId" IS NOT NULL;
  changed text;
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF attached THEN
      RAISE EXCEPTION 'history is append-only: evidence photo % is attached and cannot be deleted', OLD.id
        USING HINT = 'Only unattached uploads are cleaned up; see docs/decisions/0008-threat-model.md.';
    END IF;
    RETURN OLD;
  END IF;
  changed := "history_changed_columns"(to_jsonb(OLD), to_jsonb(NEW),
    CASE WHEN attached THEN '{}'::text[] ELSE ARRAY['entryId', 'rectificationId'] END);
  IF changed IS NOT NULL THEN
    RAISE EXCEPTION 'history is append-only: "EvidencePhoto".% of photo % cannot be changed', changed, OLD.id
      USING HINT = 'A photo is attached once and then never changes; see docs/decisions/0008-threat-model.md.';
  END IF;
  RETURN NEW;
END
$$;

-- A household's chain only grows: its head moves together with its length, which never shrinks.
CREATE FUNCTION "household_refuse_chain_rewind"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."chainLength" < OLD."chainLength"
     OR (NEW."chainHead" IS DISTINCT FROM OLD."chainHead" AND NEW."chainLength" = OLD."chainLength") THEN
    RAISE EXCEPTION 'history is append-only: the chain of household % cannot be rewound or re-headed', OLD.id
      USING HINT = 'See docs/decisions/0008-threat-model.md.';
  END IF;
  RETURN NEW;
END
$$;

-- Entries: only the status follows the chained events.
CREATE TRIGGER "Entry_append_only" BEFORE UPDATE ON "Entry"
  FOR EACH ROW EXECUTE FUNCTION "history_refuse_update"('status');
CREATE TRIGGER "Entry_no_delete" BEFORE DELETE ON "Entry"
  FOR EACH ROW EXECUTE FUNCTION "history_refuse_delete"();

CREATE TRIGGER "EntryEvent_append_only" BEFORE UPDATE ON "EntryEvent"
  FOR EACH ROW EXECUTE FUNCTION "history_refuse_update"();
CREATE TRIGGER "EntryEvent_no_delete" BEFORE DELETE ON "EntryEvent"
  FOR EACH ROW EXECUTE FUNCTION "history_refuse_delete"();

CREATE TRIGGER "EvidencePhoto_append_only" BEFORE UPDATE OR DELETE ON "EvidencePhoto"
  FOR EACH ROW EXECUTE FUNCTION "evidence_refuse_change"();

CREATE TRIGGER "Appeal_append_only" BEFORE UPDATE ON "Appeal"
  FOR EACH ROW EXECUTE FUNCTION "due_process_refuse_update"('OPEN', 'status', 'resolvedById', 'resolvedAt', 'resolution');
CREATE TRIGGER "Appeal_no_delete" BEFORE DELETE ON "Appeal"
  FOR EACH ROW EXECUTE FUNCTION "history_refuse_delete"();

CREATE TRIGGER "Rectification_append_only" BEFORE UPDATE ON "Rectification"
  FOR EACH ROW EXECUTE FUNCTION "due_process_refuse_update"('REQUESTED', 'status', 'decidedById', 'decidedAt', 'decisionReason');
CREATE TRIGGER "Rectification_no_delete" BEFORE DELETE ON "Rectification"
  FOR EACH ROW EXECUTE FUNCTION "history_refuse_delete"();

CREATE TRIGGER "AuditLog_append_only" BEFORE UPDATE ON "AuditLog"
  FOR EACH ROW EXECUTE FUNCTION "history_refuse_update"();
CREATE TRIGGER "AuditLog_no_delete" BEFORE DELETE ON "AuditLog"
  FOR EACH ROW EXECUTE FUNCTION "history_refuse_delete"();

CREATE TRIGGER "TownshipDigest_append_only" BEFORE UPDATE ON "TownshipDigest"
  FOR EACH ROW EXECUTE FUNCTION "history_refuse_update"();
CREATE TRIGGER "TownshipDigest_no_delete" BEFORE DELETE ON "TownshipDigest"
  FOR EACH ROW EXECUTE FUNCTION "history_refuse_delete"();

CREATE TRIGGER "Household_chain_only_grows" BEFORE UPDATE OF "chainLength", "chainHead" ON "Household"
  FOR EACH ROW EXECUTE FUNCTION "household_refuse_chain_rewind"();

CREATE TRIGGER "Entry_no_truncate" BEFORE TRUNCATE ON "Entry"
  FOR EACH STATEMENT EXECUTE FUNCTION "history_refuse_truncate"();
CREATE TRIGGER "EntryEvent_no_truncate" BEFORE TRUNCATE ON "EntryEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION "history_refuse_truncate"();
CREATE TRIGGER "EvidencePhoto_no_truncate" BEFORE TRUNCATE ON "EvidencePhoto"
  FOR EACH STATEMENT EXECUTE FUNCTION "history_refuse_truncate"();
CREATE TRIGGER "Appeal_no_truncate" BEFORE TRUNCATE ON "Appeal"
  FOR EACH STATEMENT EXECUTE FUNCTION "history_refuse_truncate"();
CREATE TRIGGER "Rectification_no_truncate" BEFORE TRUNCATE ON "Rectification"
  FOR EACH STATEMENT EXECUTE FUNCTION "history_refuse_truncate"();
CREATE TRIGGER "AuditLog_no_truncate" BEFORE TRUNCATE ON "AuditLog"
  FOR EACH STATEMENT EXECUTE FUNCTION "history_refuse_truncate"();
CREATE TRIGGER "TownshipDigest_no_truncate" BEFORE TRUNCATE ON "TownshipDigest"
  FOR EACH STATEMENT EXECUTE FUNCTION "history_refuse_truncate"();
