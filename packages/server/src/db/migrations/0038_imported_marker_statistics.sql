-- Statistics on the two keys the history import looks its earlier markers up by (previous code,
-- history digest; the partial indexes of 0022). PostgreSQL does not use a partial index's
-- expression statistics for estimates, so without these it took `= ANY(<a batch of 2 000 codes>)`
-- to match every "imported" event and read the whole event table at each batch: at 250 000
-- imported dossiers, 4 s a batch instead of 20 ms. ANALYZE (or autovacuum) fills them. The look-up
-- (history-import/store.ts) also probes the indexes key by key, which holds without statistics
-- too (PGlite has no autovacuum).
CREATE STATISTICS IF NOT EXISTS dossier_event_previous_code_stats ON (payload->>'previousCode') FROM dossier_event;
CREATE STATISTICS IF NOT EXISTS dossier_event_source_digest_stats ON (payload->>'sourceDigest') FROM dossier_event;
