-- Every caller of the API, recorded from their access token the first time it is seen
-- (admins may also seed users ahead of their first visit).
CREATE TABLE app_user (
    user_id      uuid        PRIMARY KEY,            -- the token's sub (Supabase user id)
    email        text,
    role         text        NOT NULL DEFAULT 'user' CHECK (role IN ('user', 'admin', 'service')),
    created_at   timestamptz NOT NULL DEFAULT now(),
    last_seen_at timestamptz                         -- refreshed at most every few minutes
);

-- The admin list pages by (created_at, user_id).
CREATE INDEX app_user_created ON app_user (created_at, user_id);
