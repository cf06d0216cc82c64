# The guide's 合计: two bodies' complete drafts added up; a county report
# whose 行政处罚 differs from the sum of its bodies.
#+ file sample-data/jinzhai-2024.yaml 各单位/交易中心.yaml
#+ file sample-data/jinzhai-2024.yaml 各单位/司法局.yaml
#+ run sed -i 's/^organization: .*/organization: 金寨县司法局/; s/^  punishment: 4/  punishment: 3/; s/^  \(new\|public\|total\): \[1, 0, 0, 0, 0, 0, 1\]/  \1: [0, 0, 0, 0, 0, 0, 0]/' 各单位/司法局.yaml
#+ run nianbao sum -o 县报告.yaml --org 金寨县人民政府 --year 2024 各单位/ && sed -i 's/^  punishment: 7/  punishment: 8/' 县报告.yaml
nianbao sum -o 合计.yaml --org 金寨县人民政府 --year 2024 各单位/
nianbao check --children 各单位/ 县报告.yaml
