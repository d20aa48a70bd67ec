-- The search word list (search_words: surface words of public stories with how many stories use them), kept by
-- PostgreSQL itself: a trigger on articles re-counts a story's words whenever its text or publication changes, in the
-- same transaction; search_words_sync_due() (the worker, every minute) catches what the clock changes without a
-- write: a scheduled story coming due, an expiry passing. See docs/adr/0028-search-that-forgives-typos.md.
--
-- A story's words: the lower-case surface words ('simple' configuration, not stems, so a suggestion is a real word)
-- of headline, standfirst and body; letters first, then letters or digits, 2 to 32 characters; English stop words
-- left out (the search drops them anyway, so they are never worth suggesting).
CREATE FUNCTION search_words_of(headline text, dek text, body text) RETURNS text[]
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(lexeme ORDER BY lexeme), '{}')
  FROM unnest(to_tsvector('simple', coalesce(headline, '') || ' ' || coalesce(dek, '') || ' ' || coalesce(body, '')))
  WHERE length(lexeme) BETWEEN 2 AND 32
    AND lexeme ~ '^[[:alpha:]][[:alnum:]]*$'
    AND ts_lexize('english_stem', lexeme) <> '{}'
$$;
--> statement-breakpoint
-- The public rule of db/visibility.ts isPublic(), for the SQL below (keep the two alike).
CREATE FUNCTION search_words_public(status article_status, published_at timestamptz, unpublish_at timestamptz) RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT status = 'published' AND published_at <= now() AND (unpublish_at IS NULL OR unpublish_at > now())
$$;
--> statement-breakpoint
-- Brings one story's contribution up to date: adds the words it gained, takes back the ones it lost (and words no
-- story uses any more). One lock for all upkeep until the transaction ends: publications are rare, and two upkeeps
-- can then neither deadlock on shared words nor count one story twice.
CREATE FUNCTION search_words_sync(story integer) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  fresh text[];
  counted text[];
BEGIN
  PERFORM pg_advisory_xact_lock(2028, 14);
  SELECT CASE WHEN search_words_public(a.status, a.published_at, a.unpublish_at) THEN search_words_of(a.headline, a.dek, a.body) END
    INTO fresh FROM articles a WHERE a.id = story;
  SELECT s.words INTO counted FROM search_word_sources s WHERE s.article_id = story;
  IF fresh IS NOT DISTINCT FROM counted THEN
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
    INSERT INTO search_word_sources (article_id, words) VALUES (story, fresh)
      ON CONFLICT (article_id) DO UPDATE SET words = excluded.words;
  END IF;
END
$$;
--> statement-breakpoint
CREATE FUNCTION articles_search_words() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM search_words_sync(OLD.id);
  ELSE
    PERFORM search_words_sync(NEW.id);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER articles_search_words
  AFTER INSERT OR DELETE OR UPDATE OF headline, dek, body, status, published_at, unpublish_at ON articles
  FOR EACH ROW EXECUTE FUNCTION articles_search_words();
--> statement-breakpoint
-- What the clock changed since the last run: public stories not counted (a scheduled story came due) and counted
-- stories no longer public (expired, or anything missed). Returns how many stories it brought up to date.
CREATE FUNCTION search_words_sync_due() RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
  story integer;
  n integer := 0;
BEGIN
  FOR story IN
    SELECT a.id FROM articles a
      WHERE search_words_public(a.status, a.published_at, a.unpublish_at)
        AND NOT EXISTS (SELECT 1 FROM search_word_sources s WHERE s.article_id = a.id)
    UNION
    SELECT s.article_id FROM search_word_sources s LEFT JOIN articles a ON a.id = s.article_id
      WHERE a.id IS NULL OR NOT search_words_public(a.status, a.published_at, a.unpublish_at)
    ORDER BY 1
  LOOP
    PERFORM search_words_sync(story);
    n := n + 1;
  END LOOP;
  RETURN n;
END
$$;
--> statement-breakpoint
-- Counts everything again (this migration; a bulk load that switched the trigger off).
CREATE FUNCTION search_words_rebuild() RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(2028, 14);
  DELETE FROM search_word_sources;
  DELETE FROM search_words;
  INSERT INTO search_word_sources (article_id, words)
    SELECT id, search_words_of(headline, dek, body) FROM articles
    WHERE search_words_public(status, published_at, unpublish_at);
  INSERT INTO search_words (word, documents)
    SELECT w, count(*) FROM search_word_sources, unnest(words) AS w GROUP BY w;
END
$$;
--> statement-breakpoint
SELECT search_words_rebuild();
