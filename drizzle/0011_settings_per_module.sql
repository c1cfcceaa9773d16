-- Region settings are kept per module since the module contract: the keys a
-- region had (all of them the complaints module's) move under "complaints".
UPDATE "regions" SET "settings" = jsonb_build_object('complaints', "settings") WHERE NOT ("settings" ? 'complaints');
