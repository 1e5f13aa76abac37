# bash completion for pdurep.
# Commands and options are read from `pdurep --help` and `pdurep COMMAND --help`,
# and inspection ids from `pdurep list`, so a new command or option completes
# without a change here.

_pdurep_db_args()
{
    # Pass on a --db given earlier on the line, so ids come from that database.
    local i
    for ((i = 1; i < COMP_CWORD; i++)); do
        case ${COMP_WORDS[i]} in
            --db) printf '%s\n' --db "${COMP_WORDS[i + 1]}" ;;
            --db=*) printf '%s\n' "${COMP_WORDS[i]}" ;;
        esac
    done
}

_pdurep()
{
    local cur prev cmd i
    _init_completion 2>/dev/null || {
        cur=${COMP_WORDS[COMP_CWORD]}
        prev=${COMP_WORDS[COMP_CWORD - 1]}
    }

    for ((i = 1; i < COMP_CWORD; i++)); do
        case ${COMP_WORDS[i]} in
            --db) ((i++)) ;;
            -*) ;;
            *) cmd=${COMP_WORDS[i]}; break ;;
        esac
    done

    case $prev in
        --db | -o | --output)
            COMPREPLY=($(compgen -f -- "$cur"))
            return ;;
        --out)
            COMPREPLY=($(compgen -d -- "$cur"))
            return ;;
        --layout)
            COMPREPLY=($(compgen -W "pdu-report region-report" -f -- "$cur"))
            return ;;
        --lang)
            COMPREPLY=($(compgen -W "en cy en,cy" -- "$cur"))
            return ;;
        --framework)
            COMPREPLY=($(compgen -W "probation-pdu-2023 probation-region-2024" -- "$cur"))
            return ;;
        --region | --seed | --regions | --pdus | --cases | --suppress | -j | --jobs)
            return ;;
    esac

    if [[ -z $cmd ]]; then
        local commands
        commands=$(pdurep --help 2>/dev/null | sed -n '/^Commands:/,/^$/s/^  \([a-z-]*\) .*/\1/p')
        COMPREPLY=($(compgen -W "$commands --db --version --help" -- "$cur"))
        return
    fi

    if [[ $cur == -* ]]; then
        local opts
        opts=$(pdurep "$cmd" --help 2>/dev/null | grep -o -- '--[a-z][a-z-]*' | sort -u)
        COMPREPLY=($(compgen -W "$opts" -- "$cur"))
        return
    fi

    case $cmd in
        import)
            COMPREPLY=($(compgen -f -- "$cur")) ;;
        rate | report | annexe | show | delete | export | narrative)
            local ids
            ids=$(pdurep $(_pdurep_db_args) list 2>/dev/null | awk 'NR > 1 { print $1 }')
            COMPREPLY=($(compgen -W "$ids" -- "$cur")) ;;
    esac
}

complete -F _pdurep pdurep
