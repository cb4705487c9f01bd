#!/bin/sh
# `make run`: roost is installed; create (or reuse) and start a demo container
# with a private network and sshd, show it answering, and print how to enter
# and remove it. Needs root, like roost itself.
set -eu

NAME=${ROOST_DEMO_NAME:-demo}
ROOST=${ROOST:-roost}
DIR=/var/lib/roost/demo
KEY=$DIR/id_ed25519

if [ "$(id -u)" != 0 ]; then
    echo "the demo boots a container: run it as root (sudo make run)" >&2
    exit 1
fi

step() { printf '\n\033[1m$ %s\033[0m\n' "$*"; }

mkdir -p "$DIR"
chmod 700 "$DIR"
[ -f "$KEY" ] || ssh-keygen -q -t ed25519 -N "" -C "roost-demo" -f "$KEY"

# What a configuration would say: sshd on port 22, root logs in with the demo key.
cat > "$DIR/manifest.json" <<JSON
{
  "users": [
    {"name": "sshd", "uid": 101, "group": "nogroup", "description": "sshd privilege separation",
     "home": "/run/sshd", "shell": "/usr/sbin/nologin", "createHome": false}
  ],
  "etc": {
    "ssh/sshd_config": {"text": "AuthorizedKeysFile /etc/ssh/authorized_keys/%u\nPermitRootLogin prohibit-password\nPasswordAuthentication no\nKbdInteractiveAuthentication no\nUsePAM yes\n"},
    "ssh/authorized_keys/root": {"text": "$(cat "$KEY.pub")\n"},
    "motd": {"text": "Welcome to the Roost demo container.\n"}
  },
  "units": {
    "sshd.service": {
      "text": "[Unit]\nDescription=OpenSSH server\nAfter=network.target\n\n[Service]\nExecStartPre=/usr/bin/ssh-keygen -A\nExecStartPre=/usr/sbin/sshd -t\nExecStart=/usr/sbin/sshd -D -e\nRuntimeDirectory=sshd\nRuntimeDirectoryMode=0755\n",
      "wantedBy": ["multi-user.target"]
    }
  }
}
JSON

if $ROOST status "$NAME" >/dev/null 2>&1; then
    step "$ROOST start $NAME"
    $ROOST start "$NAME"
else
    step "$ROOST create $NAME --private-network --manifest $DIR/manifest.json --start"
    $ROOST create "$NAME" --private-network --manifest "$DIR/manifest.json" --start
fi

step "$ROOST list"
$ROOST list

step "$ROOST run $NAME -- systemctl is-system-running"
$ROOST run "$NAME" -- systemctl is-system-running || true

step "echo 'hostname; ps ax' | $ROOST root-login $NAME"
echo 'hostname; ps ax' | $ROOST root-login "$NAME"

IP=$($ROOST show-ip "$NAME")
step "$ROOST show-host-key $NAME"
$ROOST show-host-key "$NAME"
$ROOST show-host-key --public-key "$NAME" | sed "s/^/$IP /" > "$DIR/known_hosts"

step "ssh root@$IP hostname"
tries=0
until ssh -F /dev/null -i "$KEY" -o UserKnownHostsFile="$DIR/known_hosts" -o StrictHostKeyChecking=yes \
        -o BatchMode=yes -o ConnectTimeout=5 "root@$IP" 'echo "hello over ssh from $(hostname)"'; do
    tries=$((tries + 1))
    [ $tries -lt 20 ] || { echo "sshd in $NAME did not answer" >&2; exit 1; }
    sleep 0.5
done

cat <<TEXT

The container '$NAME' is running ($IP, host side c-$NAME).
  roost root-login $NAME           a root shell (leave with exit)
  roost run $NAME -- CMD...        run a command inside
  ssh -i $KEY -o UserKnownHostsFile=$DIR/known_hosts root@$IP
  roost stop $NAME | roost start $NAME
  roost destroy $NAME              remove it completely
TEXT
