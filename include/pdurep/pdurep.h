/**
 * @file pdurep.h
 * @brief libpdurep: probation inspection data to reports and annexes. Include this.
 */
#ifndef PDUREP_H
#define PDUREP_H

#include "pdurep/version.h"
#include "pdurep/error.h"
#include "pdurep/diag.h"
#include "pdurep/framework.h"
#include "pdurep/db.h"
#include "pdurep/inspection.h"
#include "pdurep/ratings.h"
#include "pdurep/region.h"
#include "pdurep/atomic.h"
#include "pdurep/batch.h"
#include "pdurep/annexe.h"
#include "pdurep/synth.h"
#include "pdurep/strings.h"
#include "pdurep/localise.h"
#include "pdurep/document.h"
#include "pdurep/narrative.h"
#include "pdurep/report.h"
#include "pdurep/provenance.h"
#include "pdurep/lifecycle.h"
#include "pdurep/template.h"
#include "pdurep/check.h"

#endif
