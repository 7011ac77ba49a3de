# A typical team's Cognito stack, applied against the emulator by interop/terraform.sh: a pool with MFA and a
# custom attribute, a domain, a resource server, an OAuth client with a secret, and a group with a user in it.

terraform {
  required_providers {
    aws = {
      source = "hashicorp/aws"
    }
  }
}

variable "endpoint" {
  description = "The emulator's URL, for example http://localhost:4566"
  type        = string
}

variable "domain_prefix" {
  description = "The pool's domain prefix, unique on the emulator"
  type        = string
}

provider "aws" {
  region                      = "us-east-1"
  access_key                  = "test"
  secret_key                  = "test"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
  skip_region_validation      = true

  endpoints {
    cognitoidp = var.endpoint
  }
}

resource "aws_cognito_user_pool" "app" {
  name                     = "interop-terraform"
  auto_verified_attributes = ["email"]
  username_attributes      = ["email"]
  mfa_configuration        = "OPTIONAL"

  software_token_mfa_configuration {
    enabled = true
  }

  password_policy {
    minimum_length                   = 10
    require_lowercase                = true
    require_numbers                  = true
    require_symbols                  = false
    require_uppercase                = true
    temporary_password_validity_days = 3
  }

  schema {
    name                     = "tenant_id"
    attribute_data_type      = "String"
    mutable                  = true
    developer_only_attribute = false

    string_attribute_constraints {
      min_length = 1
      max_length = 64
    }
  }

  tags = {
    team = "identity"
  }
}

resource "aws_cognito_user_pool_domain" "app" {
  domain       = var.domain_prefix
  user_pool_id = aws_cognito_user_pool.app.id
}

resource "aws_cognito_resource_server" "api" {
  identifier   = "https://api.example.com"
  name         = "orders-api"
  user_pool_id = aws_cognito_user_pool.app.id

  scope {
    scope_name        = "orders.read"
    scope_description = "Read orders"
  }

  scope {
    scope_name        = "orders.write"
    scope_description = "Change orders"
  }
}

resource "aws_cognito_user_pool_client" "web" {
  name                                 = "web"
  user_pool_id                         = aws_cognito_user_pool.app.id
  generate_secret                      = true
  allowed_oauth_flows_user_pool_client = true
  allowed_oauth_flows                  = ["code"]
  allowed_oauth_scopes                 = ["openid", "email", "${aws_cognito_resource_server.api.identifier}/orders.read"]
  callback_urls                        = ["https://app.example.com/callback", "http://localhost:8080/login/oauth2/code/cognito"]
  logout_urls                          = ["https://app.example.com/"]
  supported_identity_providers         = ["COGNITO"]
  explicit_auth_flows                  = ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"]
  access_token_validity                = 30
  id_token_validity                    = 30
  refresh_token_validity               = 7

  token_validity_units {
    access_token  = "minutes"
    id_token      = "minutes"
    refresh_token = "days"
  }
}

resource "aws_cognito_user_group" "admins" {
  name         = "admins"
  user_pool_id = aws_cognito_user_pool.app.id
  description  = "Administrators"
  precedence   = 1
}

resource "aws_cognito_user" "alice" {
  user_pool_id   = aws_cognito_user_pool.app.id
  username       = "alice@example.com"
  message_action = "SUPPRESS"

  attributes = {
    email          = "alice@example.com"
    email_verified = true
  }
}

resource "aws_cognito_user_in_group" "alice_admin" {
  user_pool_id = aws_cognito_user_pool.app.id
  group_name   = aws_cognito_user_group.admins.name
  username     = aws_cognito_user.alice.username
}

output "user_pool_id" {
  value = aws_cognito_user_pool.app.id
}

output "client_id" {
  value = aws_cognito_user_pool_client.web.id
}
