-- Search matches substrings (ILIKE with wildcards on both sides) of report titles, sentences and figure subjects;
-- GIN indexes of the pg_trgm extension serve such patterns, Chinese included (trigrams of multibyte characters are
-- hashed). Both the embedded server and system PostgreSQL ship the extension in contrib.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateIndex
CREATE INDEX "Report_title_idx" ON "Report" USING GIN ("title" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Sentence_text_idx" ON "Sentence" USING GIN ("text" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Fact_subject_idx" ON "Fact" USING GIN ("subject" gin_trgm_ops);
