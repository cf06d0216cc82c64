# The guide's 在命令行导出: a complete draft exported; one with errors
# refused, then exported as a draft.
#+ file sample-data/jinzhai-2024.yaml 交易中心2024年报.yaml
#+ file sample-data/jinzhai-2024-errors.yaml 退回修改.yaml
nianbao export 交易中心2024年报.yaml -o 交易中心2024年报.docx
nianbao export 退回修改.yaml -o 退回修改.docx
nianbao export --draft 退回修改.yaml -o 退回修改.docx
