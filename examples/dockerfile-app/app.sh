#!/bin/sh
echo "${GREETING:-hello} from the Strata example ($(cat /app/BUILD))"
