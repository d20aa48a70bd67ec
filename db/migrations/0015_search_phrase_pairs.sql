-- Phrase pairs (docs/adr/0028): each counted story's neighbouring English lexemes, so a "phrase" search finds its
-- candidates through one GIN lookup of the pair instead of re-reading the positions of every story that has both
-- words (10,771 stories for "flood harbour" in the 100,000-story benchmark, 147 of them with the phrase).
ALTER TABLE "search_word_sources" ADD COLUMN "pairs" text[] DEFAULT '{}'::text[] NOT NULL;
--> statement-breakpoint
-- Neighbouring lexemes of a text as the search vector numbers them ('english', headline, standfirst and body in a
-- row); a phrase query's pairs come from the same function, so they always match.
CREATE FUNCTION search_pairs_of(content text) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  WITH at AS (SELECT lexeme, unnest(positions) AS p FROM unnest(to_tsvector('english'::regconfig, coalesce(content, ''))))
  SELECT coalesce(array_agg(DISTINCT a.lexeme || ' ' || b.lexeme), '{}') FROM at a JOIN at b ON b.p = a.p + 1
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION search_words_sync(story integer) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  fresh text[];
  fresh_pairs text[];
  counted text[];
  counted_pairs text[];
BEGIN
  PERFORM pg_advisory_xact_lock(2028, 14);
  SELECT CASE WHEN search_words_public(a.status, a.published_at, a.unpublish_at) THEN search_words_of(a.headline, a.dek, a.body) END,
         CASE WHEN search_words_public(a.status, a.published_at, a.unpublish_at) THEN search_pairs_of(concat_ws(' ', a.headline, a.dek, a.body)) END
    INTO fresh, fresh_pairs FROM articles a WHERE a.id = story;
  SELECT s.words, s.pairs INTO counted, counted_pairs FROM search_word_sources s WHERE s.article_id = story;
  IF fresh IS NOT DISTINCT FROM counted AND fresh_pairs IS NOT DISTINCT FROM counted_pairs THEN
    RETURN;
  END IF;
  UPDATE search_words SET documents = documents - 1
    WHERE word IN (SELECT unnest(coalesce(counted, '{}')) EXCEPT SELECT unnest(coalesce(fresh, '{}')));
  DELETE FROM search_words WHERE word = ANY (coalesce(counted, '{}')) AND documents <= 0;
  INSERT INTO search_words (word, documents)
    SELECT w, 1 FROM (SELECT unnest(coalesce(fresh, '{}')) AS w EXCEPT SELECT unnest(coalesce(counted, '{}'))) added
    ON CONFLICT (word) DO UPDATE SET documents = search_words.documents + 1;
  IF fresh IS NULL THEN
    DELETE FROM search_word_sources WHERE article_id = story;
  ELSE
    INSERT INTO search_word_sources (article_id, words, pairs) VALUES (story, fresh, fresh_pairs)
      ON CONFLICT (article_id) DO UPDATE SET words = excluded.words, pairs = excluded.pairs;
  END IF;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION search_words_rebuild() RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(2028, 14);
  DELETE FROM search_word_sources;
  DELETE FROM search_words;
  INSERT INTO search_word_sources (article_id, words, pairs)
    SELECT id, search_words_of(headline, dek, body), search_pairs_of(concat_ws(' ', headline, dek, body)) FROM articles
    WHERE search_words_public(status, published_at, unpublish_at);
  INSERT INTO search_words (word, documents)
    SELECT w, count(*) FROM search_word_sources, unnest(words) AS w GROUP BY w;
END
$$;
--> statement-breakpoint
UPDATE search_word_sources s SET pairs = search_pairs_of(concat_ws(' ', a.headline, a.dek, a.body)) FROM articles a WHERE a.id = s.article_id;
--> statement-breakpoint
-- About 300 pairs a story: a GIN build over 100,000 stories crawls with the default 64 MB.
SET LOCAL maintenance_work_mem = '512MB';
--> statement-breakpoint
CREATE INDEX "search_word_sources_pairs_idx" ON "search_word_sources" USING gin ("pairs");
