-- Stage history and the audit trail are append-only: analytics and audits read them
-- as the record of what happened, so nothing may rewrite or delete a row.
-- (Hand-written: Prisma's schema language cannot express triggers.)
CREATE FUNCTION refuse_rewrite() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "StageChange_append_only"
  BEFORE UPDATE OR DELETE ON "StageChange"
  FOR EACH ROW EXECUTE FUNCTION refuse_rewrite();

CREATE TRIGGER "AuditEntry_append_only"
  BEFORE UPDATE OR DELETE ON "AuditEntry"
  FOR EACH ROW EXECUTE FUNCTION refuse_rewrite();
