-- The MFA factors a pool offers (SetUserPoolMfaConfig), a typed part of the pool kept as JSON text.

ALTER TABLE cognito_pools ADD COLUMN mfa_settings VARCHAR NOT NULL DEFAULT '{"smsEnabled":false,"softwareTokenEnabled":false}';
