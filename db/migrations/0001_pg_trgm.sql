-- Trigram matching for typo-tolerant search on headlines and author names (issue: discovery).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
