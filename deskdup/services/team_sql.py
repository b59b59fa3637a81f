"""The SQL ``deskdup team init`` installs in a PostgreSQL workspace.

What the database itself enforces once it is in place (``services/team.py``
runs it; it can be run again after an upgrade):

* identity: ``deskdup_me()`` is the active operator whose login is the role
  that connected (``session_user``, which ``SET ROLE`` cannot change);
* every write to the CRM tables passes a ``BEFORE`` row trigger whose
  ``SECURITY DEFINER`` function reads ``operator_rights`` with the same rule
  as ``services/rights.allowed`` and raises ``42501 insufficient_privilege``
  naming the row and the missing right;
* the history's operator is the connected role's operator (a column default
  and a trigger that refuses any other name); history is never rewritten
  except for the "undone by" link an undo sets;
* operators, rights, departments and the team's settings are written only by
  a supervisor's role (``operators.can_undo``) or the database owner;
* review claims are taken in one's own name; another's live claim is taken
  over only by a supervisor.

Why triggers over row-level security policies: a row that fails an RLS
``USING`` clause is silently skipped, so a refused ``UPDATE`` says
``UPDATE 0`` in psql and deskdup's version-checked merge would read it as
"changed by someone else"; a trigger refuses out loud, with the reason.
Why not "all writes through SECURITY DEFINER functions": the merge, undo and
import are SQLAlchemy unit-of-work code shared with SQLite; moving them into
PL/pgSQL would fork every write path in two.  With checks on the rows, the
client's own writes run unchanged under the operator's role and psql gets no
more than deskdup would allow.

The owner (the role that ran ``team init``, its members and superusers) is not
checked: it owns the tables and could drop the triggers anyway.
"""

from __future__ import annotations

# {owner} and {group} are quoted literals filled in by services/team.py.
FUNCTIONS = r"""
CREATE OR REPLACE FUNCTION deskdup_is_owner() RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = session_user AND rolsuper)
      OR pg_has_role(session_user, {owner}, 'MEMBER')
$$;

CREATE OR REPLACE FUNCTION deskdup_me() RETURNS integer
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT id FROM operators WHERE login = session_user AND is_active
$$;

CREATE OR REPLACE FUNCTION deskdup_is_supervisor() RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT coalesce(
    (SELECT can_undo FROM operators WHERE login = session_user AND is_active), false)
$$;

CREATE OR REPLACE FUNCTION deskdup_may(p_entity text, p_action text, p_owner integer)
RETURNS boolean
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  me_id integer;
  me_department integer;
  v_scope text;
  owner_department integer;
BEGIN
  IF deskdup_is_owner() THEN RETURN true; END IF;
  SELECT id, department_id INTO me_id, me_department
    FROM operators WHERE login = session_user AND is_active;
  IF me_id IS NULL THEN RETURN false; END IF;
  SELECT scope INTO v_scope FROM operator_rights
   WHERE operator_id = me_id AND entity = p_entity AND action = p_action;
  IF v_scope = 'all' THEN RETURN true; END IF;
  IF p_owner IS NULL OR v_scope IS NULL OR v_scope = 'none' THEN RETURN false; END IF;
  IF p_owner = me_id THEN RETURN true; END IF;
  IF v_scope = 'department' THEN
    SELECT department_id INTO owner_department FROM operators WHERE id = p_owner;
    RETURN owner_department IS NOT NULL AND owner_department = me_department;
  END IF;
  RETURN false;
END $$;

CREATE OR REPLACE FUNCTION deskdup_refuse(p_what text) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'deskdup: the database role % may not %', session_user, p_what
    USING ERRCODE = '42501';
END $$;

-- Leads and contacts (TG_ARGV[0]: 'lead' or 'contact').
CREATE OR REPLACE FUNCTION deskdup_guard_record() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  ent text := TG_ARGV[0];
  archive_columns text[] := ARRAY['archived', 'merged_into_id', 'version', 'updated_at'];
BEGIN
  IF deskdup_is_owner() THEN
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NEW;
  END IF;
  IF TG_OP = 'INSERT' THEN
    IF deskdup_may(ent, 'edit', NEW.assigned_id) OR deskdup_may(ent, 'delete', NEW.assigned_id)
    THEN RETURN NEW; END IF;
    PERFORM deskdup_refuse(format('create %s %s (no edit right on it)', ent, NEW.id));
  ELSIF TG_OP = 'UPDATE' THEN
    IF deskdup_may(ent, 'edit', OLD.assigned_id) AND deskdup_may(ent, 'edit', NEW.assigned_id)
    THEN RETURN NEW; END IF;
    -- Archiving (or un-archiving on undo) is the delete right's business.
    IF (to_jsonb(NEW) - archive_columns) = (to_jsonb(OLD) - archive_columns) THEN
      IF deskdup_may(ent, 'delete', OLD.assigned_id) THEN RETURN NEW; END IF;
      -- An already archived record re-pointed at a later primary.
      IF OLD.archived AND NEW.archived THEN RETURN NEW; END IF;
      PERFORM deskdup_refuse(format('archive %s %s (no delete right on it)', ent, OLD.id));
    END IF;
    PERFORM deskdup_refuse(format('change %s %s (no edit right on it)', ent, OLD.id));
  ELSE
    IF deskdup_may(ent, 'delete', OLD.assigned_id) THEN RETURN OLD; END IF;
    PERFORM deskdup_refuse(format('delete %s %s (no delete right on it)', ent, OLD.id));
  END IF;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION deskdup_parent_writable(p_lead integer, p_contact integer)
RETURNS boolean
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  owner_id integer;
BEGIN
  IF p_lead IS NOT NULL THEN
    SELECT assigned_id INTO owner_id FROM leads WHERE id = p_lead;
    IF FOUND AND NOT (deskdup_may('lead', 'edit', owner_id)
                      OR deskdup_may('lead', 'delete', owner_id)) THEN
      RETURN false;
    END IF;
  END IF;
  IF p_contact IS NOT NULL THEN
    SELECT assigned_id INTO owner_id FROM contacts WHERE id = p_contact;
    IF FOUND AND NOT (deskdup_may('contact', 'edit', owner_id)
                      OR deskdup_may('contact', 'delete', owner_id)) THEN
      RETURN false;
    END IF;
  END IF;
  RETURN true;
END $$;

-- Rows that belong to a lead or a contact: communications, chats, activities, deals.
CREATE OR REPLACE FUNCTION deskdup_guard_child() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  r jsonb;
BEGIN
  IF deskdup_is_owner() THEN
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NEW;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    r := to_jsonb(OLD);
    IF NOT deskdup_parent_writable((r->>'lead_id')::integer, (r->>'contact_id')::integer) THEN
      PERFORM deskdup_refuse(format('change %s %s of a record they may not change',
                                    TG_TABLE_NAME, r->>'id'));
    END IF;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    r := to_jsonb(NEW);
    IF NOT deskdup_parent_writable((r->>'lead_id')::integer, (r->>'contact_id')::integer) THEN
      PERFORM deskdup_refuse(format('put %s %s on a record they may not change',
                                    TG_TABLE_NAME, r->>'id'));
    END IF;
    RETURN NEW;
  END IF;
  RETURN OLD;
END $$;

-- operators, operator_rights, departments: a supervisor's business.
CREATE OR REPLACE FUNCTION deskdup_guard_team() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF NOT (deskdup_is_owner() OR deskdup_is_supervisor()) THEN
    PERFORM deskdup_refuse(format('change %s (only a supervisor may)', TG_TABLE_NAME));
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END $$;

CREATE OR REPLACE FUNCTION deskdup_guard_settings() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  k text := CASE WHEN TG_OP = 'DELETE' THEN OLD.key ELSE NEW.key END;
BEGIN
  IF (k LIKE 'policy.%' OR k LIKE 'team%')
     AND NOT (deskdup_is_owner() OR deskdup_is_supervisor()) THEN
    PERFORM deskdup_refuse(format('change the team setting %s (only a supervisor may)', k));
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END $$;

-- The history: written in one's own name, never rewritten.
CREATE OR REPLACE FUNCTION deskdup_guard_history() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW.operator_id IS NULL THEN NEW.operator_id := deskdup_me(); END IF;
    IF deskdup_is_owner() OR NEW.operator_id = deskdup_me() THEN RETURN NEW; END IF;
    PERFORM deskdup_refuse(format('write history in the name of operator %s',
                                  NEW.operator_id));
  END IF;
  IF deskdup_is_owner() THEN
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NEW;
  END IF;
  IF TG_OP = 'UPDATE'
     AND (to_jsonb(NEW) - 'undone_by_id') = (to_jsonb(OLD) - 'undone_by_id')
     AND (OLD.operator_id = deskdup_me() OR deskdup_is_supervisor()
          OR EXISTS (SELECT 1 FROM merge_events u
                      WHERE u.id = NEW.undone_by_id AND u.operator_id = deskdup_me())) THEN
    RETURN NEW;
  END IF;
  PERFORM deskdup_refuse(format('rewrite history event %s', OLD.id));
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION deskdup_guard_event_leads() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF deskdup_is_owner() THEN
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NEW;
  END IF;
  IF TG_OP = 'INSERT' AND EXISTS (
      SELECT 1 FROM merge_events WHERE id = NEW.event_id AND operator_id = deskdup_me()) THEN
    RETURN NEW;
  END IF;
  PERFORM deskdup_refuse('rewrite the leads of a history event');
  RETURN NULL;
END $$;

-- Pairs marked "not duplicates": in one's own name, with the delete right on both.
-- TG_ARGV[0]: 'lead' (dismissals: lead_a_id, lead_b_id) or 'contact'
-- (contact_dismissals: contact_a_id, contact_b_id).
CREATE OR REPLACE FUNCTION deskdup_guard_dismissals() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  ent text := TG_ARGV[0];
  row_json jsonb;
  record_owner integer;
  record_id integer;
BEGIN
  IF deskdup_is_owner() THEN
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NEW;
  END IF;
  IF TG_OP = 'INSERT' THEN
    IF NEW.operator_id IS NULL THEN NEW.operator_id := deskdup_me(); END IF;
    IF NEW.operator_id IS DISTINCT FROM deskdup_me() THEN
      PERFORM deskdup_refuse(format('dismiss pairs in the name of operator %s',
                                    NEW.operator_id));
    END IF;
    row_json := to_jsonb(NEW);
    FOREACH record_id IN ARRAY ARRAY[(row_json ->> (ent || '_a_id'))::integer,
                                    (row_json ->> (ent || '_b_id'))::integer] LOOP
      IF ent = 'contact' THEN
        SELECT assigned_id INTO record_owner FROM contacts WHERE id = record_id;
      ELSE
        SELECT assigned_id INTO record_owner FROM leads WHERE id = record_id;
      END IF;
      IF FOUND AND NOT deskdup_may(ent, 'delete', record_owner) THEN
        PERFORM deskdup_refuse(format('dismiss %s %s (no delete right on it)', ent, record_id));
      END IF;
    END LOOP;
    RETURN NEW;
  END IF;
  IF TG_OP = 'DELETE' THEN
    IF OLD.operator_id = deskdup_me() OR deskdup_is_supervisor() THEN RETURN OLD; END IF;
    PERFORM deskdup_refuse(format('withdraw the dismissal of operator %s', OLD.operator_id));
  END IF;
  PERFORM deskdup_refuse('rewrite a dismissal');
  RETURN NULL;
END $$;

-- Review claims: one's own; another's live claim only by a supervisor.
CREATE OR REPLACE FUNCTION deskdup_guard_claims() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  now_utc timestamp := (now() AT TIME ZONE 'UTC');
BEGIN
  IF deskdup_is_owner() THEN
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NEW;
  END IF;
  IF TG_OP <> 'INSERT' AND OLD.operator_id IS DISTINCT FROM deskdup_me()
     AND OLD.expires_at > now_utc AND NOT deskdup_is_supervisor() THEN
    PERFORM deskdup_refuse(format('take over the claim of operator %s (only a supervisor may)',
                                  OLD.operator_id));
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  IF NEW.operator_id IS DISTINCT FROM deskdup_me() THEN
    PERFORM deskdup_refuse(format('claim a group in the name of operator %s',
                                  NEW.operator_id));
  END IF;
  RETURN NEW;
END $$;

CREATE OR REPLACE FUNCTION deskdup_guard_journal() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF deskdup_is_owner() OR TG_OP = 'DELETE' THEN
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NEW;
  END IF;
  IF NEW.operator_id IS DISTINCT FROM deskdup_me() THEN
    PERFORM deskdup_refuse(format('journal a portal merge in the name of operator %s',
                                  NEW.operator_id));
  END IF;
  RETURN NEW;
END $$;

-- A login role for an operator, made by a supervisor without CREATEROLE of their own.
CREATE OR REPLACE FUNCTION deskdup_create_login(p_login text, p_password text)
RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  made text := 'existed';
  r pg_roles%ROWTYPE;
BEGIN
  IF NOT (deskdup_is_owner() OR deskdup_is_supervisor()) THEN
    PERFORM deskdup_refuse('create database roles (only a supervisor may)');
  END IF;
  IF NOT EXISTS (SELECT 1 FROM operators WHERE login = p_login) THEN
    RAISE EXCEPTION 'deskdup: there is no operator %', p_login USING ERRCODE = '42704';
  END IF;
  SELECT * INTO r FROM pg_roles WHERE rolname = p_login;
  IF NOT FOUND THEN
    EXECUTE format('CREATE ROLE %I LOGIN', p_login);
    made := 'created';
  ELSIF p_password IS NOT NULL AND NOT deskdup_is_owner()
        AND (r.rolsuper OR r.rolcreaterole OR r.rolcreatedb
             OR pg_has_role(p_login, {owner}, 'MEMBER'))
  THEN
    PERFORM deskdup_refuse(format('set the password of the administrative role %s', p_login));
  END IF;
  IF p_password IS NOT NULL THEN
    EXECUTE format('ALTER ROLE %I PASSWORD %L', p_login, p_password);
  END IF;
  EXECUTE format('GRANT %I TO %I', {group}, p_login);
  RETURN made;
END $$;
"""

# (table, trigger function, argument) for every guarded table.
GUARDS: tuple[tuple[str, str, str], ...] = (
    ("leads", "deskdup_guard_record", "lead"),
    ("contacts", "deskdup_guard_record", "contact"),
    ("communications", "deskdup_guard_child", ""),
    ("chats", "deskdup_guard_child", ""),
    ("activities", "deskdup_guard_child", ""),
    ("deals", "deskdup_guard_child", ""),
    ("operators", "deskdup_guard_team", ""),
    ("operator_rights", "deskdup_guard_team", ""),
    ("departments", "deskdup_guard_team", ""),
    ("workspace_meta", "deskdup_guard_settings", ""),
    ("merge_events", "deskdup_guard_history", ""),
    ("event_leads", "deskdup_guard_event_leads", ""),
    ("dismissals", "deskdup_guard_dismissals", "lead"),
    ("contact_dismissals", "deskdup_guard_dismissals", "contact"),
    ("review_claims", "deskdup_guard_claims", ""),
    ("portal_journal", "deskdup_guard_journal", ""),
)

# Tables the operators' roles only read.
READ_ONLY = ("alembic_version", "demo_truth")
