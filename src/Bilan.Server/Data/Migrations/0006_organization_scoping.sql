-- Beneficiaries and bilans belong to an employer organisation when there is one: an API client (the
-- organisation's HR software) sees only those of its own organisation.
ALTER TABLE beneficiaries ADD COLUMN organization_id uuid REFERENCES organizations (id);
ALTER TABLE bilans ADD COLUMN organization_id uuid REFERENCES organizations (id);

CREATE INDEX beneficiaries_by_organization ON beneficiaries (organization_id, family_name, given_name, id) WHERE organization_id IS NOT NULL;
CREATE INDEX bilans_by_organization ON bilans (organization_id, create_time DESC, id DESC) WHERE organization_id IS NOT NULL;
