-- Every township has settings (hand-written; docs/decisions/0014). A township created without a
-- version of its own in the same transaction gets DESIGN.md's defaults from the day it was
-- created (China), checked when the transaction commits, so that a script writing the
-- township and its first version together (the demo seed) is left as it is.
CREATE FUNCTION "township_default_settings"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM "TownshipSettings" WHERE "townshipId" = NEW."id") THEN
    INSERT INTO "TownshipSettings" ("id", "townshipId", "effectiveFrom", "reason", "createdAt")
    VALUES (gen_random_uuid(), NEW."id", ((NEW."createdAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Shanghai')::date,
      '建镇时的默认设置', NEW."createdAt");
  END IF;
  RETURN NULL;
END
$$;
CREATE CONSTRAINT TRIGGER "Township_default_settings" AFTER INSERT ON "Township"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "township_default_settings"();
