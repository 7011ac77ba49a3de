#!/usr/bin/env bash
# Terraform steps: interop/terraform/main.tf, a typical team's Cognito stack, applied with the AWS provider against
# the sample; a second plan must show no changes, and destroy must leave nothing behind.
#
# Terraform cannot reach its registry from machines without a network, so the AWS provider must come from a local
# filesystem mirror: TF_PLUGIN_MIRROR names one, else the usual places are searched. Without terraform or a mirror
# the steps are skipped with a message saying so.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
: "${EMULATOR_URL:?set by interop/run.sh}"
: "${INTEROP_RESULTS:?set by interop/run.sh}"
AWS_CLI=${AWS_CLI:-/usr/bin/aws}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

pass() {
  printf 'PASS\t%s\t%s\n' "$1" "$2" >>"$INTEROP_RESULTS"
  echo "  ok   $1: $2"
}

fail() {
  local detail
  detail=$(printf '%s' "$3" | tr '\n\t' '  ' | cut -c1-500)
  printf 'FAIL\t%s\t%s\t%s\n' "$1" "$2" "$detail" >>"$INTEROP_RESULTS"
  echo "interop FAILED: $1: $2: $detail"
}

if ! command -v terraform >/dev/null 2>&1; then
  echo "interop: terraform skipped: no terraform on the PATH"
  exit 0
fi

MIRROR=${TF_PLUGIN_MIRROR:-}
if [[ -z $MIRROR ]]; then
  for candidate in /opt/tf-plugins "$HOME/.terraform.d/plugins" /usr/local/share/terraform/plugins \
    /usr/share/terraform/plugins; do
    if [[ -d $candidate/registry.terraform.io/hashicorp/aws ]]; then
      MIRROR=$candidate
      break
    fi
  done
fi
if [[ -z $MIRROR || ! -d $MIRROR/registry.terraform.io/hashicorp/aws ]]; then
  echo "interop: terraform skipped: no filesystem mirror with registry.terraform.io/hashicorp/aws" \
    "(set TF_PLUGIN_MIRROR to one)"
  exit 0
fi

cat >"$WORK/terraformrc" <<RC
provider_installation {
  filesystem_mirror {
    path    = "$MIRROR"
    include = ["registry.terraform.io/hashicorp/aws"]
  }
  direct {
    exclude = ["registry.terraform.io/hashicorp/aws"]
  }
}
RC
export TF_CLI_CONFIG_FILE=$WORK/terraformrc TF_IN_AUTOMATION=1 TF_INPUT=0 CHECKPOINT_DISABLE=1
export TF_DATA_DIR=$WORK/.terraform
export TF_VAR_endpoint=$EMULATOR_URL TF_VAR_domain_prefix="interop-tf-$RANDOM$RANDOM"
cp "$HERE/terraform/main.tf" "$WORK/"
cd "$WORK"

STEP="terraform init (AWS provider from $MIRROR)"
if terraform init -no-color >"$WORK/init.log" 2>&1; then
  pass terraform "$STEP"
else
  fail terraform "$STEP" "$(tail -n 8 "$WORK/init.log")"
  exit 0
fi

STEP="terraform apply: pool with MFA and a custom attribute, domain, resource server, OAuth client with a secret, group with a user"
if terraform apply -no-color -auto-approve >"$WORK/apply.log" 2>&1; then
  pass terraform "$STEP"
else
  fail terraform "$STEP" "$(grep -A6 'Error' "$WORK/apply.log" | head -n 20)"
  terraform destroy -no-color -auto-approve >/dev/null 2>&1 || true
  exit 0
fi
POOL_ID=$(terraform output -raw user_pool_id)

STEP="a second terraform plan shows no changes"
status=0
terraform plan -no-color -detailed-exitcode >"$WORK/plan.log" 2>&1 || status=$?
if [[ $status -eq 0 ]]; then
  pass terraform "$STEP"
else
  fail terraform "$STEP" "exit $status: $(grep -E '^\s+[~+-] |Error|must be replaced' "$WORK/plan.log" | head -n 25)"
fi

STEP="terraform destroy leaves nothing behind"
if terraform destroy -no-color -auto-approve >"$WORK/destroy.log" 2>&1; then
  left=$("$AWS_CLI" cognito-idp --endpoint-url "$EMULATOR_URL" list-user-pools --max-results 60 \
    --query "UserPools[?Id=='$POOL_ID'].Id" --output text 2>&1)
  if [[ -z $left ]]; then
    pass terraform "$STEP"
  else
    fail terraform "$STEP" "pool $POOL_ID is still there: $left"
  fi
else
  fail terraform "$STEP" "$(grep -A6 'Error' "$WORK/destroy.log" | head -n 20)"
fi
