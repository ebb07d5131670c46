-- One identity rule: users are linked to the identity provider by issuer and subject (never by
-- username), and a membership remembers whether the JWT's groups claim or Cores granted it, so
-- that keeping memberships in step with the claim removes only what the claim had added.

ALTER TABLE app_user ADD COLUMN issuer text;
ALTER TABLE app_user DROP CONSTRAINT app_user_subject_key;
-- the same subject at two issuers is two people
ALTER TABLE app_user ADD CONSTRAINT app_user_identity_key UNIQUE (issuer, subject);
-- a user linked before issuers were recorded has a subject without one; its next sign-in records it
ALTER TABLE app_user ADD CONSTRAINT app_user_issuer_needs_subject CHECK (issuer IS NULL OR subject IS NOT NULL);

ALTER TABLE group_membership ADD COLUMN source text NOT NULL DEFAULT 'LOCAL'
    CONSTRAINT group_membership_source_check CHECK (source IN ('CLAIM', 'LOCAL'));
-- until now only sign-ins wrote the memberships of users linked to the identity provider
UPDATE group_membership m SET source = 'CLAIM' FROM app_user u WHERE u.id = m.user_id AND u.subject IS NOT NULL;
