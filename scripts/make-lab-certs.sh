#!/usr/bin/env bash
# Makes the lab's test certificates (assets/lab-tls/). Run once; the output is committed.
# Loopback-only lab: nothing here is a secret. EC P-256 keys, OpenSSL 3.0 compatible.
set -euo pipefail

out="$(cd "$(dirname "$0")/.." && pwd)/assets/lab-tls"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"
cd "$work"

names='DNS:localhost,DNS:corp.example,DNS:*.corp.example,DNS:goproxy.corp.example,DNS:sum.corp.example,DNS:vanity.corp.example,DNS:git.corp.example,IP:127.0.0.1,IP:::1'

newkey() { openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1" 2>/dev/null; }

ca_ext() {
  cat <<CNF
basicConstraints=critical,CA:TRUE
keyUsage=critical,keyCertSign,cRLSign
subjectKeyIdentifier=hash
CNF
}

leaf_ext() {
  cat <<CNF
basicConstraints=critical,CA:FALSE
keyUsage=critical,digitalSignature
extendedKeyUsage=serverAuth
subjectAltName=$1
CNF
}

# 1. The lab CA (100 years) and the trusted leaf.
newkey ca-key.pem
openssl req -new -x509 -key ca-key.pem -subj '/O=gomod-doctor lab/CN=gomod-doctor lab CA' -days 36500 \
  -extensions v3 -config <(printf '[req]\ndistinguished_name=dn\n[dn]\n[v3]\n%s\n' "$(ca_ext)") -out ca.pem

sign_with_ca() { # <key> <cn> <san> <out> [days]
  openssl req -new -key "$1" -subj "/O=gomod-doctor lab/CN=$2" -out req.csr
  openssl x509 -req -in req.csr -CA ca.pem -CAkey ca-key.pem -CAcreateserial -days "${5:-36500}" \
    -extfile <(leaf_ext "$3") -out "$4" 2>/dev/null
}

newkey leaf-key.pem
sign_with_ca leaf-key.pem 'goproxy.corp.example' "$names" leaf.pem

# 2. Unknown authority: same names, signed by a CA nobody trusts (a TLS-inspecting gateway).
newkey rogue-ca-key.pem
openssl req -new -x509 -key rogue-ca-key.pem -subj '/O=Inspecting Gateway/CN=Corp TLS Inspection CA' -days 36500 \
  -extensions v3 -config <(printf '[req]\ndistinguished_name=dn\n[dn]\n[v3]\n%s\n' "$(ca_ext)") -out rogue-ca.pem
newkey untrusted-key.pem
openssl req -new -key untrusted-key.pem -subj '/O=Inspecting Gateway/CN=goproxy.corp.example' -out req.csr
openssl x509 -req -in req.csr -CA rogue-ca.pem -CAkey rogue-ca-key.pem -CAcreateserial -days 36500 \
  -extfile <(leaf_ext "$names") -out untrusted.pem 2>/dev/null

# 3. Expired: from the lab CA, valid 2001-2002 only (openssl ca sets the dates, no faketime).
newkey expired-key.pem
openssl req -new -key expired-key.pem -subj '/O=gomod-doctor lab/CN=goproxy.corp.example' -out expired.csr
mkdir -p db && : > db/index.txt && echo 1000 > db/serial
cat > ca.cnf <<CNF
[ca]
default_ca=lab
[lab]
dir=$work/db
database=$work/db/index.txt
serial=$work/db/serial
new_certs_dir=$work/db
certificate=$work/ca.pem
private_key=$work/ca-key.pem
default_md=sha256
policy=any
unique_subject=no
copy_extensions=none
[any]
organizationName=optional
commonName=supplied
[ext]
$(leaf_ext "$names")
CNF
openssl ca -batch -config ca.cnf -extensions ext -startdate 20010101000000Z -enddate 20020101000000Z \
  -notext -in expired.csr -out expired.pem 2>/dev/null

# 4. Wrong name: from the lab CA, for other-host.corp.example only (no IP SAN).
newkey wrongname-key.pem
sign_with_ca wrongname-key.pem 'other-host.corp.example' 'DNS:other-host.corp.example' wrongname.pem

cp ca.pem leaf.pem leaf-key.pem untrusted.pem untrusted-key.pem rogue-ca.pem expired.pem expired-key.pem \
  wrongname.pem wrongname-key.pem "$out/"
for c in ca leaf untrusted expired wrongname; do
  printf '%-10s ' "$c"; openssl x509 -in "$out/$c.pem" -noout -subject -enddate | tr '\n' ' '; echo
done
